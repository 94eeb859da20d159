import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { InteractionDirection, InteractionOutcome } from './interaction.enums';

@Entity('interactions')
export class InteractionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Column({ type: 'enum', enum: InteractionDirection, enumName: 'interaction_direction' })
  direction: InteractionDirection;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'enum', enum: InteractionOutcome, enumName: 'interaction_outcome' })
  outcome: InteractionOutcome;

  @Column({ type: 'smallint', nullable: true })
  sentiment: number | null;

  @Column({ name: 'template_version_id', type: 'uuid', nullable: true })
  templateVersionId: string | null;

  @Column({ name: 'follow_up_needed' })
  followUpNeeded: boolean;

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
