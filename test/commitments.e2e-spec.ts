import { DataSource } from 'typeorm';
import { CommitmentOverdueSweepService } from '../src/modules/commitments/commitment-overdue-sweep.service';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const C_FIELDS = `id stakeholderId caseId meetingId description party ownerUserId ownerContactId ownerName dueOn status
  statusNote statusChangedAt statusChangedById ownerUser { id } kpi { name target unit measurements { value measuredAt note } }`;
const ADD = `mutation ($input: AddCommitmentInput!) { addCommitment(input: $input) { ${C_FIELDS} } }`;
const RESOLVE = `mutation ($id: ID!, $status: CommitmentStatus!, $note: String) {
  resolveCommitment(id: $id, status: $status, note: $note) { ${C_FIELDS} } }`;
const MEASURE = `mutation ($id: ID!, $value: String!, $at: DateTime!, $note: String) {
  recordKpiMeasurement(id: $id, value: $value, measuredAt: $at, note: $note) { ${C_FIELDS} } }`;
const PLAN = `query ($stakeholderId: ID!) { recoveryPlan(stakeholderId: $stakeholderId) {
  open { id description kpi { name target unit measurements { value } } } done { id } dropped { id } promiseKeptRate { kept due rate } } }`;
const RATE = `query ($caseId: ID, $stakeholderId: ID, $crisisId: ID) {
  promiseKeptRate(caseId: $caseId, stakeholderId: $stakeholderId, crisisId: $crisisId) { kept due rate } }`;
const OVERDUE = `{ myOverdueCommitments { id dueOn } }`;
const NOTIFICATIONS = `{ myNotifications(first: 50) { edges { node { kind title recordId } } } }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id caseId } }`;
const COMPLETE = `mutation ($id: ID!, $s: String!, $n: Int!) { completeMeeting(id: $id, outcomeSummary: $s, sentiment: $n) { id status } }`;
const BRIEF = `query ($id: ID!) { meetingBrief(id: $id) {
  meeting { id kind } stakeholder { id name } contacts { id isExecutive } case { id status }
  compensationSoFar { amountMinor currency } lastInteractions { channel direction sentiment summary }
  openCommitments { id } promiseKeptRate { kept due rate } trustTrend { monthIndex trustIndex band } } }`;
const AUDIT = `query ($id: ID!) { auditTrail(record: COMMITMENT, recordId: $id, first: 50) { edges { node { action before after } } } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('commitments and the recovery plan', () => {
  let t: TestApp;
  let ds: DataSource;
  let pm: SignedIn;
  let leader: SignedIn;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    pm = await t.signInAs(UserRole.PARTNER_MANAGER);
    leader = await t.signInAs(UserRole.LEADERSHIP);
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  async function partner() {
    const s = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER, ownerId: pm.id });
    // Opened before the meeting completed below (a completed meeting is our contact on the case).
    const c = await makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: pm.id }, { createdAt: new Date('2026-01-01T00:00:00Z') });
    const contact = await makeContact(ds, s.id, { isExecutive: true, name: 'Ines Moreau' });
    return { s, c, contact };
  }

  const counts = async () => [await t.rowCount('commitments'), await t.rowCount('commitment_kpi_measurements'), await t.rowCount('audit_entries')];
  async function refused(call: () => Promise<GqlResponse>, code: string, message: RegExp) {
    const before = await counts();
    const res = await call();
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  }

  const ours = (extra: Record<string, unknown>) => ({ description: 'Weekly delivery report to their COO', party: 'OURS', ownerUserId: pm.id, dueOn: day(14), ...extra });

  it('records commitments from a meeting and on a case, with KPI measurements, in the recovery plan', async () => {
    const { s, c, contact } = await partner();
    const meeting = (
      await t.ok(
        SCHEDULE,
        {
          input: {
            kind: 'EXECUTIVE_VISIT', title: 'Executive visit', stakeholderId: s.id, caseId: c.id, timeZone: 'Europe/Paris',
            startsAt: '2027-02-01T09:00:00Z', endsAt: '2027-02-01T11:00:00Z', location: 'Lyon plant', attendeeUserIds: [leader.id],
          },
        },
        pm.token,
      )
    ).scheduleMeeting;

    const fromMeeting = (
      await t.ok(ADD, { input: ours({ meetingId: meeting.id, kpi: { name: 'On-time delivery', target: '98.5', unit: '%' } }) }, pm.token)
    ).addCommitment;
    expect(fromMeeting).toMatchObject({ stakeholderId: s.id, caseId: c.id, meetingId: meeting.id, party: 'OURS', ownerUser: { id: pm.id }, status: 'OPEN' });
    expect(fromMeeting.kpi).toEqual({ name: 'On-time delivery', target: '98.5', unit: '%', measurements: [] });

    const theirs = (
      await t.ok(ADD, { input: { caseId: c.id, description: 'Share defect photos', party: 'THEIRS', ownerContactId: contact.id, dueOn: day(7) } }, pm.token)
    ).addCommitment;
    expect(theirs).toMatchObject({ party: 'THEIRS', ownerContactId: contact.id, ownerUser: null, meetingId: null, kpi: null });
    const theirsByName = (
      await t.ok(ADD, { input: { caseId: c.id, description: 'Re-list our SKUs', party: 'THEIRS', ownerName: 'their category team', dueOn: day(30) } }, pm.token)
    ).addCommitment;
    expect(theirsByName.ownerName).toBe('their category team');

    await t.ok(MEASURE, { id: fromMeeting.id, value: '91.25', at: '2026-02-15T00:00:00Z' }, pm.token);
    const measured = (await t.ok(MEASURE, { id: fromMeeting.id, value: '97', at: '2026-03-15T00:00:00Z', note: 'March' }, pm.token)).recordKpiMeasurement;
    expect(measured.kpi.measurements).toEqual([
      { value: '91.25', measuredAt: '2026-02-15T00:00:00.000Z', note: null },
      { value: '97', measuredAt: '2026-03-15T00:00:00.000Z', note: 'March' },
    ]);

    const done = (await t.ok(RESOLVE, { id: theirs.id, status: 'DONE', note: 'Photos received' }, leader.token)).resolveCommitment;
    expect(done).toMatchObject({ status: 'DONE', statusNote: 'Photos received', statusChangedById: leader.id });
    expect(done.statusChangedAt).toBeTruthy();
    await refused(() => t.gql(RESOLVE, { id: theirs.id, status: 'DROPPED' }, pm.token), 'CONFLICT', /only an OPEN commitment/);
    const bystander = await t.signInAs(UserRole.PARTNER_MANAGER);
    await refused(() => t.gql(RESOLVE, { id: fromMeeting.id, status: 'DONE' }, bystander.token), 'FORBIDDEN', /Only the owner of commitment/);
    await refused(() => t.gql(MEASURE, { id: fromMeeting.id, value: '99', at: '2026-04-01T00:00:00Z' }, bystander.token), 'FORBIDDEN', /Only the owner/);
    await refused(() => t.gql(MEASURE, { id: theirs.id, value: '1', at: '2026-04-01T00:00:00Z' }, pm.token), 'BAD_USER_INPUT', /no KPI to measure/);
    const audit = (await t.ok(AUDIT, { id: theirs.id }, leader.token)).auditTrail.edges.map((e: any) => e.node);
    expect(audit.map((e: any) => e.action)).toEqual(['COMMITMENT_ADDED', 'COMMITMENT_STATUS_CHANGED']);
    expect(audit[1]).toMatchObject({ before: { status: 'OPEN' }, after: { status: 'DONE', note: 'Photos received' } });

    const plan = (await t.ok(PLAN, { stakeholderId: s.id }, leader.token)).recoveryPlan;
    expect(plan.open.map((x: any) => x.id)).toEqual([fromMeeting.id, theirsByName.id]);
    expect(plan.open[0].kpi).toEqual({ name: 'On-time delivery', target: '98.5', unit: '%', measurements: [{ value: '91.25' }, { value: '97' }] });
    expect(plan.done.map((x: any) => x.id)).toEqual([theirs.id]);
    expect(plan.dropped).toEqual([]);
  });

  describe('bad inputs, refused with nothing written', () => {
    let s: { id: string };
    let c: { id: string };
    beforeAll(async () => ({ s, c } = await partner()));

    it('neither a meeting nor a case', () => refused(() => t.gql(ADD, { input: ours({}) }, pm.token), 'BAD_USER_INPUT', /meetingId .* or the caseId/));
    it('ours without one of our users', () =>
      refused(() => t.gql(ADD, { input: ours({ caseId: c.id, ownerUserId: null, ownerName: 'Someone' }) }, pm.token), 'BAD_USER_INPUT', /OURS names ownerUserId/));
    it('an unknown owner', () =>
      refused(
        () => t.gql(ADD, { input: ours({ caseId: c.id, ownerUserId: '00000000-0000-4000-8000-000000000000' }) }, pm.token),
        'BAD_USER_INPUT',
        /no user with id/,
      ));
    it('their promise by a contact of another stakeholder', async () => {
      const other = await makeStakeholder(ds);
      const stranger = await makeContact(ds, other.id);
      await refused(
        () => t.gql(ADD, { input: { caseId: c.id, description: 'x', party: 'THEIRS', ownerContactId: stranger.id, dueOn: day(3) } }, pm.token),
        'BAD_USER_INPUT',
        /contact of another stakeholder/,
      );
    });
    it('a KPI target that is not a decimal', () =>
      refused(() => t.gql(ADD, { input: ours({ caseId: c.id, kpi: { name: 'NPS', target: '1e3' } }) }, pm.token), 'BAD_USER_INPUT', /decimal/));
    it('an impossible due date', () =>
      refused(() => t.gql(ADD, { input: ours({ caseId: c.id, dueOn: '2027-02-30' }) }, pm.token), 'BAD_USER_INPUT', /real calendar date/));
    it('COMMS may not add commitments', async () => {
      const comms = await t.signInAs(UserRole.COMMS);
      await refused(() => t.gql(ADD, { input: ours({ caseId: c.id }) }, comms.token), 'FORBIDDEN', /./);
      expect(s.id).toBeTruthy();
    });
  });

  it('computes the promise-kept rate per case, stakeholder and crisis, lists overdue ones and notifies their owner once', async () => {
    const owner = await t.signInAs(UserRole.PARTNER_MANAGER);
    const crisis2 = await makeCrisis(ds);
    const s = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER, ownerId: owner.id });
    const c1 = await makeCase(ds, { crisisId: crisis2.id, stakeholderId: s.id, ownerId: owner.id });
    const s2 = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER, ownerId: owner.id });
    const c2 = await makeCase(ds, { crisisId: crisis2.id, stakeholderId: s2.id, ownerId: owner.id });
    const add = async (caseId: string, dueOn: string, party = 'OURS') =>
      (
        await t.ok(
          ADD,
          { input: party === 'OURS' ? { caseId, description: `Promise due ${dueOn}`, party, ownerUserId: owner.id, dueOn } : { caseId, description: 'Theirs', party, ownerName: 'them', dueOn } },
          owner.token,
        )
      ).addCommitment.id as string;

    const keptEarly = await add(c1.id, day(10)); // done now, before its date: kept
    const doneLate = await add(c1.id, day(-5)); // done now, after its date: due, not kept
    const overdue = await add(c1.id, day(-2)); // still open past its date: due, not kept
    const dropped = await add(c1.id, day(-1)); // dropped past its date: due, not kept
    await add(c1.id, day(20)); // open, not yet due: not counted
    await add(c1.id, day(-9), 'THEIRS'); // theirs: never counted
    const otherKept = await add(c2.id, day(3));
    for (const id of [keptEarly, doneLate, otherKept]) await t.ok(RESOLVE, { id, status: 'DONE' }, owner.token);
    await t.ok(RESOLVE, { id: dropped, status: 'DROPPED', note: 'Superseded by the new contract' }, owner.token);

    expect((await t.ok(RATE, { caseId: c1.id }, leader.token)).promiseKeptRate).toEqual({ kept: 1, due: 4, rate: 0.25 });
    expect((await t.ok(RATE, { stakeholderId: s.id }, leader.token)).promiseKeptRate).toEqual({ kept: 1, due: 4, rate: 0.25 });
    expect((await t.ok(RATE, { crisisId: crisis2.id }, leader.token)).promiseKeptRate).toEqual({ kept: 2, due: 5, rate: 0.4 });
    expect((await t.ok(RATE, { stakeholderId: (await makeStakeholder(ds)).id }, leader.token)).promiseKeptRate).toEqual({ kept: 0, due: 0, rate: null });
    const both = await t.gql(RATE, { caseId: c1.id, crisisId: crisis2.id }, leader.token);
    expect(errorCode(both)).toBe('BAD_USER_INPUT');

    expect((await t.ok(OVERDUE, {}, owner.token)).myOverdueCommitments).toEqual([{ id: overdue, dueOn: day(-2) }]);
    // The same commitments show on the owner's day, next to their outreach tasks.
    const myDay = (await t.ok(`{ myDay { overdueCommitments { id dueOn } } }`, {}, owner.token)).myDay;
    expect(myDay.overdueCommitments).toEqual([{ id: overdue, dueOn: day(-2) }]);
    expect((await t.ok(OVERDUE, {}, pm.token)).myOverdueCommitments).toEqual([]);

    const sweep = t.app.get(CommitmentOverdueSweepService);
    expect(await sweep.run()).toBeGreaterThanOrEqual(1);
    expect(await sweep.run()).toBe(0);
    const notes = (await t.ok(NOTIFICATIONS, {}, owner.token)).myNotifications.edges.map((e: any) => e.node);
    expect(notes).toEqual([{ kind: 'COMMITMENT_OVERDUE', title: `Overdue commitment to ${s.name}`, recordId: overdue }]);
  });

  it('completing a meeting logs an interaction; the brief gathers what the executive must know', async () => {
    const { s, c, contact } = await partner();
    const other = await makeContact(ds, s.id, { name: 'Zoe Quinn' });
    const meeting = (
      await t.ok(
        SCHEDULE,
        {
          input: {
            kind: 'SITE_VISIT', title: 'Plant walk-through', stakeholderId: s.id, caseId: c.id, timeZone: 'Europe/Paris',
            startsAt: '2026-02-02T09:00:00Z', endsAt: '2026-02-02T12:00:00Z', location: 'Lyon plant', contactIds: [other.id, contact.id],
          },
        },
        pm.token,
      )
    ).scheduleMeeting;
    const open = (await t.ok(ADD, { input: ours({ meetingId: meeting.id }) }, pm.token)).addCommitment;
    await ds.query(
      `INSERT INTO compensations (case_id, kind, status, value_minor, currency, proposed_by_id, approved_by_id, approved_at, issued_by_id, issued_at)
       VALUES ($1, 'SERVICE_CREDIT', 'ISSUED', 1250000, 'EUR', $2, $3, now(), $2, now()),
              ($1, 'SERVICE_CREDIT', 'PROPOSED', 990000, 'EUR', $2, NULL, NULL, NULL, NULL)`,
      [c.id, pm.id, leader.id],
    );
    const before = await t.rowCount('interactions');
    await t.ok(COMPLETE, { id: meeting.id, s: 'Line 3 requalified; they will resume orders.', n: 2 }, pm.token);
    expect(await t.rowCount('interactions')).toBe(before + 1);
    const [interaction] = await ds.query(`SELECT contact_id, channel, sentiment, occurred_at FROM interactions WHERE case_id = $1`, [c.id]);
    expect(interaction).toMatchObject({ contact_id: contact.id, channel: 'IN_PERSON', sentiment: 2 });

    const brief = (await t.ok(BRIEF, { id: meeting.id }, leader.token)).meetingBrief;
    expect(brief).toMatchObject({
      meeting: { id: meeting.id, kind: 'SITE_VISIT' },
      stakeholder: { id: s.id, name: s.name },
      case: { id: c.id, status: 'CONTACTED' },
      compensationSoFar: [{ amountMinor: '1250000', currency: 'EUR' }],
      lastInteractions: [{ channel: 'IN_PERSON', direction: 'OUTBOUND', sentiment: 2, summary: 'SITE_VISIT "Plant walk-through": Line 3 requalified; they will resume orders.' }],
      openCommitments: [{ id: open.id }],
      promiseKeptRate: { kept: 0, due: 0, rate: null },
      trustTrend: [],
    });
    expect(brief.contacts.map((x: any) => x.id).sort()).toEqual([contact.id, other.id].sort());

    // With snapshots, the brief shows the case's last six months, oldest first.
    await t.app.get(TrustSnapshotService).run({ now: new Date('2027-06-15T00:00:00Z'), crisisId: c.crisisId });
    const { meetingBrief } = await t.ok(BRIEF, { id: meeting.id }, leader.token);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM case_trust_snapshots WHERE case_id = $1`, [c.id]);
    expect(n).toBeGreaterThan(6);
    expect(meetingBrief.trustTrend.map((p: { monthIndex: number }) => p.monthIndex)).toEqual([n - 6, n - 5, n - 4, n - 3, n - 2, n - 1]);
    expect(meetingBrief.trustTrend[5]).toEqual({ monthIndex: n - 1, trustIndex: expect.any(Number), band: expect.any(String) });
  });
});
