import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LifecycleEventKind } from './signal.enums';

@Entity('stakeholder_lifecycle_events')
export class StakeholderLifecycleEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'enum', enum: LifecycleEventKind, enumName: 'lifecycle_event_kind' })
  kind: LifecycleEventKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
