import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { ManualClock } from './support/manual-clock';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const FIELDS = `id uid kind status sequence startsAt endsAt timeZone cancelReason outcomeSummary sentiment
  organiser { id } attendees { id } contacts { id } reschedules { oldStartsAt oldEndsAt newStartsAt sequence reason }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${FIELDS} } }`;
const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $timeZone: String, $reason: String) {
  rescheduleMeeting(id: $id, startsAt: $startsAt, endsAt: $endsAt, timeZone: $timeZone, reason: $reason) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { ${FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!, $s: String!, $n: Int!) { completeMeeting(id: $id, outcomeSummary: $s, sentiment: $n) { ${FIELDS} } }`;
const NO_SHOW = `mutation ($id: ID!) { markMeetingNoShow(id: $id) { ${FIELDS} } }`;
const ICS = `query ($id: ID!) { meeting(id: $id) { icalendar } }`;
const FREE_BUSY = `query ($userIds: [ID!]!, $from: DateTime!, $to: DateTime!, $tz: String!, $d: Int, $n: Int) {
  freeBusy(userIds: $userIds, from: $from, to: $to, timeZone: $tz, durationMinutes: $d, slotCount: $n) {
    users { userId busy { start end } } suggestedSlots { start end } } }`;
const AUDIT = `query ($id: ID!) { auditTrail(record: MEETING, recordId: $id, first: 50) { edges { node { action before after } } } }`;

let hour = 0;
/** A fresh one-hour slot far in the future for each booking that is not about clashes. */
function nextSlot(): { startsAt: string; endsAt: string } {
  hour += 13;
  const start = new Date(Date.UTC(2027, 0, 4, 8) + hour * 3_600_000);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
}

/** The suite's clock: a Friday evening; meetings it books "in the future" are in 2027. */
const FRIDAY_EVENING = '2026-12-04T19:30:00Z';

describe('meetings', () => {
  const clock = new ManualClock(FRIDAY_EVENING);
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start({}, { clock });
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(FRIDAY_EVENING));

  const counts = async () => [
    await t.rowCount('meetings'),
    await t.rowCount('meeting_attendees'),
    await t.rowCount('meeting_contacts'),
    await t.rowCount('meeting_reschedules'),
    await t.rowCount('audit_entries'),
  ];

  async function refused(call: () => Promise<GqlResponse>, code: string, message?: RegExp): Promise<GqlResponse> {
    const before = await counts();
    const res = await call();
    expect(errorCode(res)).toBe(code);
    if (message) expect(res.errors?.[0].message).toMatch(message);
    expect(await counts()).toEqual(before);
    return res;
  }

  async function partner() {
    const s = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER, ownerId: roles.PARTNER_MANAGER.id });
    // Opened before the past meetings completed here: a completed meeting is our contact on the case.
    const c = await makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: roles.PARTNER_MANAGER.id }, { createdAt: new Date('2026-01-01T00:00:00Z') });
    const contact = await makeContact(ds, s.id, { isExecutive: true });
    return { s, c, contact };
  }

  const input = (stakeholderId: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'REVIEW_MEETING',
    title: 'Quarterly recovery review',
    stakeholderId,
    ...nextSlot(),
    timeZone: 'Europe/Berlin',
    location: 'Their HQ, Hamburg',
    agenda: 'Review delivery KPIs and the credit note.',
    ...overrides,
  });

  describe('who may organise what', () => {
    const KINDS = ['FOLLOW_UP_CALL', 'REVIEW_MEETING', 'SITE_VISIT', 'EXECUTIVE_VISIT'];
    const ALLOWED: Record<string, (kind: string, sk: string) => boolean> = {
      PARTNER_MANAGER: () => true,
      LEADERSHIP: () => true,
      ADMIN: () => true,
      AGENT: (kind, sk) => kind === 'FOLLOW_UP_CALL' && sk === 'CUSTOMER',
      COMMS: () => false,
    };
    const cases = Object.keys(ALLOWED).flatMap((role) => KINDS.flatMap((kind) => ['CUSTOMER', 'PARTNER'].map((sk) => [role, kind, sk])));

    it.each(cases)('%s organising a %s with a %s', async (role, kind, sk) => {
      const s = await makeStakeholder(ds, { kind: sk as StakeholderKind });
      const actor = roles[role as UserRole];
      // Leadership present, so the executive rule is met wherever the role rule allows.
      const attendeeUserIds = role === 'LEADERSHIP' ? [] : [roles.LEADERSHIP.id];
      const vars = { input: input(s.id, { kind, attendeeUserIds }) };
      if (ALLOWED[role](kind, sk)) {
        const data = await t.ok(SCHEDULE, vars, actor.token);
        expect(data.scheduleMeeting).toMatchObject({ kind, status: 'SCHEDULED', sequence: 0, organiser: { id: actor.id } });
        expect(data.scheduleMeeting.attendees.map((a: { id: string }) => a.id).sort()).toEqual(
          [...new Set([actor.id, ...attendeeUserIds])].sort(),
        );
      } else {
        await refused(() => t.gql(SCHEDULE, vars, actor.token), 'FORBIDDEN');
      }
    });

    it('needs a LEADERSHIP attendee at an executive visit', async () => {
      const { s } = await partner();
      await refused(
        () => t.gql(SCHEDULE, { input: input(s.id, { kind: 'EXECUTIVE_VISIT' }) }, roles.PARTNER_MANAGER.token),
        'BAD_USER_INPUT',
        /at least one LEADERSHIP attendee/,
      );
    });
  });

  describe('bad inputs, each refused with nothing written', () => {
    let s: { id: string };
    let contactId: string;
    beforeAll(async () => {
      const p = await partner();
      s = p.s;
      contactId = p.contact.id;
    });
    const pm = () => roles.PARTNER_MANAGER.token;

    it('end before start', () =>
      refused(
        () => t.gql(SCHEDULE, { input: input(s.id, { startsAt: '2027-03-01T10:00:00Z', endsAt: '2027-03-01T09:00:00Z' }) }, pm()),
        'BAD_USER_INPUT',
        /must be after startsAt/,
      ));

    it('longer than 12 hours', () =>
      refused(
        () => t.gql(SCHEDULE, { input: input(s.id, { startsAt: '2027-03-01T06:00:00Z', endsAt: '2027-03-01T18:30:00Z' }) }, pm()),
        'BAD_USER_INPUT',
        /at most 12 hours/,
      ));

    it('a time zone that does not exist', () =>
      refused(() => t.gql(SCHEDULE, { input: input(s.id, { timeZone: 'Europe/Atlantis' }) }, pm()), 'BAD_USER_INPUT', /IANA/));

    it('neither a place nor a link', () =>
      refused(() => t.gql(SCHEDULE, { input: input(s.id, { location: null }) }, pm()), 'BAD_USER_INPUT', /location or a videoLink/));

    it('an unknown user', () =>
      refused(
        () => t.gql(SCHEDULE, { input: input(s.id, { attendeeUserIds: ['00000000-0000-4000-8000-000000000000'] }) }, pm()),
        'BAD_USER_INPUT',
        /no user with id 00000000-0000-4000-8000-000000000000/,
      ));

    it('an external attendee from another stakeholder', async () => {
      const other = await makeStakeholder(ds);
      const stranger = await makeContact(ds, other.id);
      await refused(
        () => t.gql(SCHEDULE, { input: input(s.id, { contactIds: [contactId, stranger.id] }) }, pm()),
        'BAD_USER_INPUT',
        /contacts of .* belong to another stakeholder/,
      );
    });

    it('a case of another stakeholder', async () => {
      const other = await partner();
      await refused(() => t.gql(SCHEDULE, { input: input(s.id, { caseId: other.c.id }) }, pm()), 'BAD_USER_INPUT', /another stakeholder/);
    });
  });

  it('lets exactly one of ten parallel bookings of one person succeed, and names who is busy', async () => {
    const { s } = await partner();
    const busyPerson = await t.signInAs(UserRole.LEADERSHIP, 'Dana Okafor');
    const slot = { startsAt: '2027-06-01T08:00:00Z', endsAt: '2027-06-01T09:00:00Z' };
    const organisers = await Promise.all(Array.from({ length: 10 }, () => t.signInAs(UserRole.PARTNER_MANAGER)));
    const before = await t.rowCount('meetings');
    const results = await Promise.all(
      organisers.map((o, i) =>
        t.gql(SCHEDULE, { input: input(s.id, { ...slot, title: `Booking ${i}`, attendeeUserIds: [busyPerson.id] }) }, o.token),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const r of lost) {
      expect(errorCode(r)).toBe('CONFLICT');
      expect(r.errors?.[0].message).toMatch(/Dana Okafor is busy Tue 1 Jun 2027 10:00–11:00 \(Europe\/Berlin\)/);
      expect(r.errors?.[0].extensions?.busy).toEqual([
        expect.objectContaining({ userId: busyPerson.id, startsAt: '2027-06-01T08:00:00.000Z', endsAt: '2027-06-01T09:00:00.000Z' }),
      ]);
    }
    expect(await t.rowCount('meetings')).toBe(before + 1);
  });

  it('reports free/busy and suggests slots in business hours of the time zone, across a DST change', async () => {
    const { s } = await partner();
    const a = await t.signInAs(UserRole.PARTNER_MANAGER);
    const b = await t.signInAs(UserRole.LEADERSHIP);
    // Friday 23 October 2026 in Berlin is CEST (UTC+2); Monday 26th is CET (UTC+1).
    await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2026-10-23T07:00:00Z', endsAt: '2026-10-23T12:00:00Z' }) }, a.token);
    await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2026-10-23T11:00:00Z', endsAt: '2026-10-23T15:00:00Z' }) }, b.token);
    const vars = { userIds: [a.id, b.id], from: '2026-10-23T00:00:00Z', to: '2026-10-27T00:00:00Z', d: 120, n: 3 };
    const berlin = (await t.ok(FREE_BUSY, { ...vars, tz: 'Europe/Berlin' }, a.token)).freeBusy;
    expect(berlin.users).toEqual([
      { userId: a.id, busy: [{ start: '2026-10-23T07:00:00.000Z', end: '2026-10-23T12:00:00.000Z' }] },
      { userId: b.id, busy: [{ start: '2026-10-23T11:00:00.000Z', end: '2026-10-23T15:00:00.000Z' }] },
    ]);
    expect(berlin.suggestedSlots).toEqual([
      { start: '2026-10-26T08:00:00.000Z', end: '2026-10-26T10:00:00.000Z' },
      { start: '2026-10-26T10:00:00.000Z', end: '2026-10-26T12:00:00.000Z' },
      { start: '2026-10-26T12:00:00.000Z', end: '2026-10-26T14:00:00.000Z' },
    ]);
    // In New York (still on EDT until 1 November) Friday 09:00 local is 13:00Z: both are busy until 15:00Z.
    const ny = (await t.ok(FREE_BUSY, { ...vars, tz: 'America/New_York' }, a.token)).freeBusy;
    expect(ny.suggestedSlots[0]).toEqual({ start: '2026-10-23T15:00:00.000Z', end: '2026-10-23T17:00:00.000Z' });
    const bad = await t.gql(FREE_BUSY, { ...vars, tz: 'Nowhere/Special' }, a.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('reschedules with history and a rising SEQUENCE, then cancels with METHOD:CANCEL, freeing the slot', async () => {
    const { s, contact } = await partner();
    const pm = roles.PARTNER_MANAGER;
    const first = { startsAt: '2027-09-01T08:00:00Z', endsAt: '2027-09-01T09:00:00Z' };
    const created = (await t.ok(SCHEDULE, { input: input(s.id, { ...first, contactIds: [contact.id], attendeeUserIds: [roles.LEADERSHIP.id] }) }, pm.token))
      .scheduleMeeting;
    const moved1 = (await t.ok(RESCHEDULE, { id: created.id, startsAt: '2027-09-02T08:00:00Z', endsAt: '2027-09-02T09:30:00Z', reason: 'Their CFO is travelling' }, pm.token)).rescheduleMeeting;
    const moved2 = (await t.ok(RESCHEDULE, { id: created.id, startsAt: '2027-09-03T08:00:00Z', endsAt: '2027-09-03T09:00:00Z', timeZone: 'Europe/London' }, pm.token)).rescheduleMeeting;
    expect(moved1.sequence).toBe(1);
    expect(moved2).toMatchObject({ sequence: 2, timeZone: 'Europe/London', uid: created.uid });
    expect(moved2.reschedules).toEqual([
      { oldStartsAt: '2027-09-01T08:00:00.000Z', oldEndsAt: '2027-09-01T09:00:00.000Z', newStartsAt: '2027-09-02T08:00:00.000Z', sequence: 1, reason: 'Their CFO is travelling' },
      { oldStartsAt: '2027-09-02T08:00:00.000Z', oldEndsAt: '2027-09-02T09:30:00.000Z', newStartsAt: '2027-09-03T08:00:00.000Z', sequence: 2, reason: null },
    ]);
    // The attendees' booked time moved too: the old slot is free, the new one taken.
    const rows = await ds.query(`SELECT lower(during) AS s FROM meeting_attendees WHERE meeting_id = $1`, [created.id]);
    expect(rows.map((r: { s: Date }) => r.s.toISOString())).toEqual(['2027-09-03T08:00:00.000Z', '2027-09-03T08:00:00.000Z']);

    let ics = (await t.ok(ICS, { id: created.id }, roles.COMMS.token)).meeting.icalendar as string;
    let cal = new ICAL.Component(ICAL.parse(ics));
    let event = cal.getFirstSubcomponent('vevent')!;
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(created.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-09-03T08:00:00.000Z');
    expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${pm.email}`);
    const invited = event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    expect(invited.sort()).toEqual([`mailto:${contact.email}`, `mailto:${roles.LEADERSHIP.email}`, `mailto:${pm.email}`].sort());

    const cancelled = (await t.ok(CANCEL, { id: created.id, reason: 'Plant closed for inspection' }, pm.token)).cancelMeeting;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 3, cancelReason: 'Plant closed for inspection' });
    ics = (await t.ok(ICS, { id: created.id }, pm.token)).meeting.icalendar;
    cal = new ICAL.Component(ICAL.parse(ics));
    event = cal.getFirstSubcomponent('vevent')!;
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('uid')).toBe(created.uid);

    // The cancelled meeting no longer blocks the slot.
    await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2027-09-03T08:00:00Z', endsAt: '2027-09-03T09:00:00Z' }) }, pm.token);
    await refused(() => t.gql(RESCHEDULE, { id: created.id, ...nextSlot() }, pm.token), 'CONFLICT', /Only a SCHEDULED meeting/);
    await refused(() => t.gql(CANCEL, { id: created.id, reason: 'again' }, pm.token), 'CONFLICT', /already CANCELLED/);

    const audit = (await t.ok(AUDIT, { id: created.id }, roles.LEADERSHIP.token)).auditTrail.edges.map((e: any) => e.node.action);
    expect(audit).toEqual(['MEETING_SCHEDULED', 'MEETING_RESCHEDULED', 'MEETING_RESCHEDULED', 'MEETING_STATUS_CHANGED']);
  });

  it('refuses a reschedule onto a busy attendee, naming them', async () => {
    const { s } = await partner();
    const pm = await t.signInAs(UserRole.PARTNER_MANAGER, 'Priya Natarajan');
    const a = (await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2027-10-01T08:00:00Z', endsAt: '2027-10-01T09:00:00Z' }) }, pm.token)).scheduleMeeting;
    await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2027-10-01T10:00:00Z', endsAt: '2027-10-01T11:00:00Z' }) }, pm.token);
    const res = await refused(
      () => t.gql(RESCHEDULE, { id: a.id, startsAt: '2027-10-01T10:30:00Z', endsAt: '2027-10-01T11:30:00Z' }, pm.token),
      'CONFLICT',
      /Priya Natarajan is busy/,
    );
    expect(res.errors?.[0].extensions?.busy).toHaveLength(1);
    // Back to back is fine: ranges are half-open.
    await t.ok(RESCHEDULE, { id: a.id, startsAt: '2027-10-01T09:00:00Z', endsAt: '2027-10-01T10:00:00Z' }, pm.token);
  });

  // A meeting can be completed from its start on, by the one clock, whatever the instant: a
  // weekend, the hour that does not exist or happens twice at a daylight-saving change, a month end.
  it.each([
    ['a Saturday morning', '2027-01-09T10:00:00Z'],
    ['the hour summer time starts in Europe', '2027-03-28T01:00:00Z'],
    ['the hour summer time ends in Europe', '2027-10-31T00:30:00Z'],
    ['a month end', '2027-02-28T23:00:00Z'],
  ])('completes a meeting held on %s from its start, not a minute before', async (_, startsAt) => {
    const { s } = await partner();
    const pm = roles.PARTNER_MANAGER;
    const endsAt = new Date(new Date(startsAt).getTime() + 3_600_000).toISOString();
    const meeting = (await t.ok(SCHEDULE, { input: input(s.id, { startsAt, endsAt, timeZone: 'Europe/Berlin' }) }, pm.token)).scheduleMeeting;
    clock.set(new Date(new Date(startsAt).getTime() - 60_000));
    await refused(() => t.gql(COMPLETE, { id: meeting.id, s: 'Too early', n: 0 }, pm.token), 'CONFLICT', /once it has started/);
    clock.set(startsAt);
    const done = (await t.ok(COMPLETE, { id: meeting.id, s: 'Held as planned.', n: 1 }, pm.token)).completeMeeting;
    expect(done.status).toBe('COMPLETED');
    const [row] = await ds.query(`SELECT status_changed_at AS at FROM meetings WHERE id = $1`, [meeting.id]);
    expect(row.at.toISOString()).toBe(new Date(startsAt).toISOString());
  });

  it('completes with an outcome and sentiment, marks no-shows, and only the organiser or an admin may', async () => {
    const { s } = await partner();
    const pm = roles.PARTNER_MANAGER;
    const past = (await t.ok(SCHEDULE, { input: input(s.id, { startsAt: '2026-01-05T09:00:00Z', endsAt: '2026-01-05T10:00:00Z' }) }, pm.token)).scheduleMeeting;
    await refused(() => t.gql(COMPLETE, { id: past.id, s: 'Agreed', n: 1 }, roles.LEADERSHIP.token), 'FORBIDDEN');
    const bad = await t.gql(COMPLETE, { id: past.id, s: 'Agreed', n: 3 }, pm.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const done = (await t.ok(COMPLETE, { id: past.id, s: 'They accept the credit; delivery KPI weekly.', n: 1 }, pm.token)).completeMeeting;
    expect(done).toMatchObject({ status: 'COMPLETED', sentiment: 1, outcomeSummary: 'They accept the credit; delivery KPI weekly.' });

    const future = (await t.ok(SCHEDULE, { input: input(s.id) }, pm.token)).scheduleMeeting;
    await refused(() => t.gql(COMPLETE, { id: future.id, s: 'x', n: 0 }, pm.token), 'CONFLICT', /once it has started/);
    const noShow = (await t.ok(NO_SHOW, { id: future.id }, roles.ADMIN.token)).markMeetingNoShow;
    expect(noShow.status).toBe('NO_SHOW');
    const [row] = await ds.query(`SELECT bool_or(active) AS a FROM meeting_attendees WHERE meeting_id = $1`, [future.id]);
    expect(row.a).toBe(false);
  });

  it('logs a completed video call as a VIDEO interaction, and nothing for a meeting without a case', async () => {
    const { s, c } = await partner();
    const pm = roles.PARTNER_MANAGER;
    const video = { location: null, videoLink: 'https://meet.example.com/regain-review' };
    const withCase = (await t.ok(SCHEDULE, { input: input(s.id, { ...video, caseId: c.id, startsAt: '2026-02-10T09:00:00Z', endsAt: '2026-02-10T09:30:00Z' }) }, pm.token)).scheduleMeeting;
    const noCase = (await t.ok(SCHEDULE, { input: input(s.id, { ...video, startsAt: '2026-02-11T09:00:00Z', endsAt: '2026-02-11T09:30:00Z' }) }, pm.token)).scheduleMeeting;
    const before = await t.rowCount('interactions');
    await t.ok(COMPLETE, { id: withCase.id, s: 'Walked them through the fix.', n: 0 }, pm.token);
    await t.ok(COMPLETE, { id: noCase.id, s: 'Informal check-in.', n: -1 }, pm.token);
    expect(await t.rowCount('interactions')).toBe(before + 1);
    const [row] = await ds.query(`SELECT channel, sentiment FROM interactions WHERE case_id = $1`, [c.id]);
    expect(row).toEqual({ channel: 'VIDEO', sentiment: 0 });
    const audit = (await t.ok(AUDIT, { id: withCase.id }, roles.LEADERSHIP.token)).auditTrail.edges.map((e: any) => e.node);
    expect(audit[1].after).toMatchObject({ status: 'COMPLETED', sentiment: 0, interactionId: expect.any(String) });
  });

  it('lists meetings with their people in a fixed number of queries, whatever the page size', async () => {
    const { s, c, contact } = await partner();
    const pm = roles.PARTNER_MANAGER;
    for (let i = 0; i < 4; i += 1) {
      await t.ok(SCHEDULE, { input: input(s.id, { caseId: c.id, contactIds: [contact.id], attendeeUserIds: [roles.LEADERSHIP.id] }) }, pm.token);
    }
    const LIST = `query ($s: ID!, $first: Int) { meetings(stakeholderId: $s, first: $first) { totalCount edges { node {
      id organiser { id } stakeholder { id } case { id } attendees { id } contacts { id } reschedules { id } icalendar } } } }`;
    let data: any;
    const small = await t.countQueries(async () => (data = await t.ok(LIST, { s: s.id, first: 1 }, pm.token)));
    const large = await t.countQueries(async () => (data = await t.ok(LIST, { s: s.id, first: 4 }, pm.token)));
    expect(data.meetings.totalCount).toBe(4);
    expect(data.meetings.edges[3].node).toMatchObject({ case: { id: c.id }, contacts: [{ id: contact.id }] });
    expect(large).toBe(small);
  });
});
