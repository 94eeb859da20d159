import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyKind } from './signal.enums';

@Entity('survey_responses')
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** Denormalised from the case, so filters by stakeholder need no join. */
  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'enum', enum: SurveyKind, enumName: 'survey_kind' })
  kind: SurveyKind;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ name: 'responded_at', type: 'timestamptz' })
  respondedAt: Date;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'is_pre_crisis', type: 'boolean' })
  isPreCrisis: boolean;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  /** Set when it was voided (logged on the wrong case, say): kept, but left out of every figure. */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by_id', type: 'uuid', nullable: true })
  voidedById: string | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
