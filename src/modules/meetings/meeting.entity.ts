import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingKind, MeetingStatus } from './meeting.enums';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The iCalendar UID: set once, so calendars recognise updates and cancellations. */
  @Column()
  uid: string;

  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  kind: MeetingKind;

  @Column()
  title: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'time_zone' })
  timeZone: string;

  @Column({ type: 'varchar', nullable: true })
  location: string | null;

  @Column({ name: 'video_link', type: 'varchar', nullable: true })
  videoLink: string | null;

  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  @Column()
  agenda: string;

  @Column({ type: 'enum', enum: MeetingStatus, enumName: 'meeting_status' })
  status: MeetingStatus;

  /** The iCalendar SEQUENCE: rises with each reschedule and with the cancellation. */
  @Column({ type: 'int' })
  sequence: number;

  @Column({ name: 'outcome_summary', type: 'text', nullable: true })
  outcomeSummary: string | null;

  @Column({ type: 'smallint', nullable: true })
  sentiment: number | null;

  @Column({ name: 'cancel_reason', type: 'varchar', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'status_changed_by_id', type: 'uuid', nullable: true })
  statusChangedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
