import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stakeholder's person at a meeting; the composite key ties them to the meeting's stakeholder. */
@Entity('meeting_contacts')
export class MeetingContactEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;
}
