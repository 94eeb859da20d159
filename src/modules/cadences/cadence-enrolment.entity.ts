import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EnrolmentStatus } from './outreach.enums';

@Entity('cadence_enrolments')
export class CadenceEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'cadence_id', type: 'uuid' })
  cadenceId: string;

  @Column({ type: 'enum', enum: EnrolmentStatus, enumName: 'cadence_enrolment_status' })
  status: EnrolmentStatus;

  @Column({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt: Date;

  @Column({ name: 'enrolled_by_id', type: 'uuid', nullable: true })
  enrolledById: string | null;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ name: 'stop_reason', type: 'text', nullable: true })
  stopReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
