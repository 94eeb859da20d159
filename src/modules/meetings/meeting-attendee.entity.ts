import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One of our users at a meeting. `during` mirrors the meeting's time while the meeting
 * holds it (the exclusion constraint reads it); `active` is false once the meeting is
 * cancelled or a no-show, which frees the slot.
 */
@Entity('meeting_attendees')
export class MeetingAttendeeEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** A tstzrange literal such as ["2026-12-01 09:00:00+00","2026-12-01 10:00:00+00"). */
  @Column({ type: 'tstzrange' })
  during: string;

  @Column()
  active: boolean;
}
