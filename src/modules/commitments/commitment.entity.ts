import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CommitmentParty, CommitmentStatus } from './commitment.enums';

@Entity('commitments')
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column()
  description: string;

  @Column({ type: 'enum', enum: CommitmentParty, enumName: 'commitment_party' })
  party: CommitmentParty;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'owner_contact_id', type: 'uuid', nullable: true })
  ownerContactId: string | null;

  @Column({ name: 'owner_name', type: 'varchar', nullable: true })
  ownerName: string | null;

  /** A calendar date, 'YYYY-MM-DD'. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'kpi_name', type: 'varchar', nullable: true })
  kpiName: string | null;

  /** numeric: pg returns an exact decimal string. */
  @Column({ name: 'kpi_target', type: 'numeric', nullable: true })
  kpiTarget: string | null;

  @Column({ name: 'kpi_unit', type: 'varchar', nullable: true })
  kpiUnit: string | null;

  @Column({ type: 'enum', enum: CommitmentStatus, enumName: 'commitment_status' })
  status: CommitmentStatus;

  @Column({ name: 'status_note', type: 'varchar', nullable: true })
  statusNote: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'status_changed_by_id', type: 'uuid', nullable: true })
  statusChangedById: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
