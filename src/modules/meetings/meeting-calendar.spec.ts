import ICAL from 'ical.js';
import { MeetingKind, MeetingStatus } from './meeting.enums';
import { CalendarMeeting, meetingToICalendar } from './meeting-calendar';

const MEETING: CalendarMeeting = {
  uid: 'meeting-8d1c7a52-2f8b-4d43-9d6c-0f5d7c1e2a11@regain',
  sequence: 2,
  status: MeetingStatus.SCHEDULED,
  kind: MeetingKind.EXECUTIVE_VISIT,
  title: 'Executive visit, Lyon; agenda: credits, KPIs',
  agenda: 'Apology from our COO.\nAgree the delivery KPI.',
  startsAt: new Date('2027-02-01T09:00:00Z'),
  endsAt: new Date('2027-02-01T11:30:00Z'),
  timeZone: 'Europe/Paris',
  location: 'Lyon plant, Gate 2',
  videoLink: null,
  createdAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: new Date('2026-11-21T10:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, event: calendar.getFirstSubcomponent('vevent') as ICAL.Component };
}

describe('meeting calendar', () => {
  const organiser = { name: 'Ana Ruiz', email: 'ana@regain.test' };

  it('writes an RFC 5545 request that a parser reads back', () => {
    const { calendar, event } = parse(
      meetingToICalendar(MEETING, organiser, [organiser, { name: 'Lee Chen', email: 'lee@regain.test' }], [
        { name: 'Ines Moreau', email: 'ines@partner.example' },
        { name: 'No Email Person', email: null },
      ]),
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(MEETING.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(event.getFirstPropertyValue('summary')).toBe(MEETING.title);
    expect(event.getFirstPropertyValue('description')).toBe(MEETING.agenda);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-02-01T11:30:00.000Z');
    expect(event.getFirstPropertyValue('x-regain-time-zone')).toBe('Europe/Paris');
    const attendees = event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    // A contact without an address cannot be invited.
    expect(attendees).toEqual(['mailto:ana@regain.test', 'mailto:lee@regain.test', 'mailto:ines@partner.example']);
  });

  it('sends a cancellation as METHOD:CANCEL with STATUS:CANCELLED and the same UID', () => {
    const { calendar, event } = parse(meetingToICalendar({ ...MEETING, status: MeetingStatus.CANCELLED, sequence: 3 }, organiser, [organiser], []));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('uid')).toBe(MEETING.uid);
  });

  it('gives a video call its link as the location and URL', () => {
    const { event } = parse(
      meetingToICalendar({ ...MEETING, location: null, videoLink: 'https://meet.example.com/abc' }, organiser, [organiser], []),
    );
    expect(event.getFirstPropertyValue('location')).toBe('https://meet.example.com/abc');
    expect(event.getFirstPropertyValue('url')).toBe('https://meet.example.com/abc');
  });
});
