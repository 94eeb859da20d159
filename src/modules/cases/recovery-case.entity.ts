import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CasePriority, CaseStatus, ImpactLevel } from './case.enums';

@Entity('recovery_cases')
export class RecoveryCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'crisis_id', type: 'uuid' })
  crisisId: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ type: 'enum', enum: ImpactLevel, enumName: 'impact_level' })
  impact: ImpactLevel;

  /** Minor units as an exact decimal string (bigint). */
  @Column({ name: 'estimated_loss_minor', type: 'bigint' })
  estimatedLossMinor: string;

  @Column({ name: 'loss_currency', type: 'char', length: 3 })
  lossCurrency: string;

  @Column()
  description: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'enum', enum: CaseStatus, enumName: 'case_status' })
  status: CaseStatus;

  @Column({ type: 'enum', enum: CasePriority, enumName: 'case_priority' })
  priority: CasePriority;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt: Date;

  @Column({ name: 'opened_by_id', type: 'uuid', nullable: true })
  openedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
