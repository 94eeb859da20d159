import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SlaEscalationKind, SlaEscalationLevel } from './sla.enums';

@Entity('sla_escalations')
export class SlaEscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'enum', enum: SlaEscalationKind, enumName: 'sla_escalation_kind' })
  kind: SlaEscalationKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'enum', enum: SlaEscalationLevel, enumName: 'sla_escalation_level' })
  level: SlaEscalationLevel;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by_id', type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
