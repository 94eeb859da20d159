import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { MeetingStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';

export interface CalendarPerson {
  name: string;
  email: string | null;
}

export interface CalendarOrganiser {
  name: string;
  email: string;
}

const PROD_ID = { company: 'Regain', product: 'Meetings', language: 'EN' };

/**
 * The meeting as an RFC 5545 VCALENDAR with one VEVENT. Times are written in UTC (valid
 * without a VTIMEZONE block); the meeting's own zone travels as X-REGAIN-TIME-ZONE. A
 * cancelled meeting is sent as METHOD:CANCEL with STATUS:CANCELLED, which calendars apply to
 * the event with the same UID.
 */
export type CalendarMeeting = Pick<
  MeetingEntity,
  'uid' | 'sequence' | 'status' | 'kind' | 'title' | 'agenda' | 'startsAt' | 'endsAt' | 'timeZone' | 'location' | 'videoLink' | 'createdAt' | 'updatedAt'
>;

export function meetingToICalendar(
  meeting: CalendarMeeting,
  organiser: CalendarOrganiser,
  users: readonly CalendarPerson[],
  contacts: readonly CalendarPerson[],
): string {
  const cancelled = meeting.status === MeetingStatus.CANCELLED;
  const calendar = ical({
    prodId: PROD_ID,
    name: meeting.title,
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // An ATTENDEE is a calendar address: contacts without an email cannot be invited.
  const invited = [...users, ...contacts].filter((p): p is CalendarPerson & { email: string } => !!p.email);
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: meeting.title,
    description: meeting.agenda || null,
    location: meeting.location ?? meeting.videoLink,
    url: meeting.videoLink,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organiser.name, email: organiser.email },
    attendees: invited.map((p) => ({
      name: p.name,
      email: p.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancelled,
    })),
    x: { 'X-REGAIN-TIME-ZONE': meeting.timeZone, 'X-REGAIN-MEETING-KIND': meeting.kind },
  });
  return calendar.toString();
}
