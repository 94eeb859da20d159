import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meeting_reschedules')
export class MeetingRescheduleEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'old_starts_at', type: 'timestamptz' })
  oldStartsAt: Date;

  @Column({ name: 'old_ends_at', type: 'timestamptz' })
  oldEndsAt: Date;

  @Column({ name: 'old_time_zone' })
  oldTimeZone: string;

  @Column({ name: 'new_starts_at', type: 'timestamptz' })
  newStartsAt: Date;

  @Column({ name: 'new_ends_at', type: 'timestamptz' })
  newEndsAt: Date;

  @Column({ name: 'new_time_zone' })
  newTimeZone: string;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'varchar', nullable: true })
  reason: string | null;

  @Column({ name: 'rescheduled_by_id', type: 'uuid' })
  rescheduledById: string;

  @CreateDateColumn({ name: 'rescheduled_at', type: 'timestamptz' })
  rescheduledAt: Date;
}
