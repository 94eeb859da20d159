import { INestApplicationContext } from '@nestjs/common';
import { UserRole } from '../src/modules/users/user-role.enum';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { makeCase, makeContact, makeCrisis, makeStakeholder, uniqueSuffix } from './support/factories';
import { uploadCsv } from './support/import-operations';
import { ManualClock } from './support/manual-clock';
import { GqlResponse, SignedIn, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CREATE_CRISIS = `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { id } }`;
const UPDATE_CRISIS = `mutation ($id: ID!, $input: UpdateCrisisInput!) { updateCrisis(id: $id, input: $input) { id startedAt } }`;
const LOG = `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const SURVEY = `mutation ($input: SurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`;
const EVENT = `mutation ($input: LifecycleEventInput!) { recordLifecycleEvent(input: $input) { id } }`;
const REVENUE = `mutation ($input: RevenueMonthInput!) { recordRevenueMonth(input: $input) { month } }`;
const ADD_COMMITMENT = `mutation ($input: AddCommitmentInput!) { addCommitment(input: $input) { id } }`;
const MEASURE = `mutation ($id: ID!, $at: DateTime!) { recordKpiMeasurement(id: $id, value: "1", measuredAt: $at) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const COMPLETE = `mutation ($id: ID!) { completeMeeting(id: $id, outcomeSummary: "Walked through the plan", sentiment: 1) { status } }`;

/**
 * Times that record what has happened are never ahead of the clock (one rule, read from the
 * injectable Clock: here a ManualClock a month behind the machine, so a time the machine
 * thinks past is still the future to the rules); and our outbound contact on a case never
 * precedes its opening, whoever writes it.
 */
describe('past events', () => {
  let t: TestApp;
  let clock: ManualClock;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let agent: SignedIn;
  let pm: SignedIn;
  /** What the rules take for now, and an hour after it (the future to them, the past to the machine). */
  const now = () => clock.now();
  const later = () => new Date(clock.now().getTime() + HOUR).toISOString();

  beforeAll(async () => {
    clock = new ManualClock(new Date(Date.now() - 30 * DAY));
    t = await TestApp.start({}, { clock });
    admin = await t.signInAdmin();
    agent = await t.signInAs(UserRole.AGENT);
    pm = await t.signInAs(UserRole.PARTNER_MANAGER);
    // The imports' dry runs are worker jobs; the worker reads the same clock.
    worker = await t.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });
  beforeEach(() => clock.set(new Date(Date.now() - 30 * DAY)));

  const refusedAt = (response: GqlResponse, field: string) => {
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(new RegExp(`^${field} \\S+ is in the future \\(it is now ${now().toISOString().replace(/[.]/g, '\\.')}\\)`));
  };

  /** A crisis started well before the clock, with an agent's customer case opened before it too. */
  async function customerCase() {
    const crisis = await makeCrisis(t.dataSource, { startedAt: new Date(now().getTime() - 60 * DAY), detectedAt: new Date(now().getTime() - 60 * DAY) });
    const stakeholder = await makeStakeholder(t.dataSource, { externalRef: `PE-${uniqueSuffix()}`, ownerId: agent.id, baselineCurrency: 'EUR', baselineMonthlyRevenueMinor: '1000' });
    const c = await makeCase(t.dataSource, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: agent.id }, { createdAt: new Date(now().getTime() - 50 * DAY) });
    const contact = await makeContact(t.dataSource, stakeholder.id);
    return { crisis, stakeholder, c, contact };
  }

  describe('no time ahead of the clock', () => {
    it('a crisis: detectedAt, startedAt and firstStatementAt, when created or changed; nothing is written', async () => {
      const base = { title: 'Future crisis', category: 'SERVICE_OUTAGE', severity: 'SEVERE', detectedAt: now().toISOString() };
      const crises = await t.rowCount('crises');
      refusedAt(await t.gql(CREATE_CRISIS, { input: { ...base, detectedAt: later() } }, admin.token), 'detectedAt');
      refusedAt(await t.gql(CREATE_CRISIS, { input: { ...base, startedAt: later(), detectedAt: later() } }, admin.token), 'startedAt');
      refusedAt(await t.gql(CREATE_CRISIS, { input: { ...base, firstStatementAt: later() } }, admin.token), 'firstStatementAt');
      expect(await t.rowCount('crises')).toBe(crises);
      const { createCrisis } = await t.ok(CREATE_CRISIS, { input: base }, admin.token);
      const update = await t.gql(UPDATE_CRISIS, { id: createCrisis.id, input: { startedAt: later() } }, admin.token);
      refusedAt(update, 'startedAt');
      expect((await t.dataSource.query(`SELECT started_at FROM crises WHERE id = $1`, [createCrisis.id]))[0].started_at).toBeNull();
      refusedAt(await t.gql(UPDATE_CRISIS, { id: createCrisis.id, input: { firstStatementAt: later() } }, admin.token), 'firstStatementAt');
    });

    it('an interaction, a survey answer, a churn or renewal, a KPI measurement', async () => {
      const { c, stakeholder, contact } = await customerCase();
      const interaction = { caseId: c.id, contactId: contact.id, channel: 'PHONE', direction: 'INBOUND', outcome: 'REACHED', summary: 'Called us' };
      refusedAt(await t.gql(LOG, { input: { ...interaction, occurredAt: later() } }, agent.token), 'occurredAt');
      refusedAt(await t.gql(SURVEY, { input: { caseId: c.id, kind: 'NPS', score: 9, respondedAt: later() } }, agent.token), 'respondedAt');
      refusedAt(await t.gql(EVENT, { input: { stakeholderId: stakeholder.id, kind: 'RENEWED', occurredAt: later() } }, agent.token), 'occurredAt');
      const { addCommitment } = await t.ok(
        ADD_COMMITMENT,
        { input: { caseId: c.id, party: 'OURS', ownerUserId: agent.id, description: 'Weekly uptime report', dueOn: '2099-01-01', kpi: { name: 'Uptime', target: '99.9', unit: '%' } } },
        agent.token,
      );
      refusedAt(await t.gql(MEASURE, { id: addCommitment.id, at: later() }, agent.token), 'measuredAt');
      expect(await t.rowCount('interactions')).toBe(0);
      expect(await t.rowCount('survey_responses')).toBe(0);
      expect(await t.rowCount('stakeholder_lifecycle_events')).toBe(0);
      expect(await t.rowCount('commitment_kpi_measurements')).toBe(0);
      // The same times an hour before the clock are taken.
      const past = new Date(now().getTime() - HOUR).toISOString();
      await t.ok(LOG, { input: { ...interaction, occurredAt: past } }, agent.token);
      await t.ok(SURVEY, { input: { caseId: c.id, kind: 'NPS', score: 9, respondedAt: past } }, agent.token);
      await t.ok(EVENT, { input: { stakeholderId: stakeholder.id, kind: 'RENEWED', occurredAt: past } }, agent.token);
      await t.ok(MEASURE, { id: addCommitment.id, at: past }, agent.token);
    });

    it('a revenue month that has not started, by the same clock', async () => {
      const { stakeholder } = await customerCase();
      const next = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
      const refused = await t.gql(REVENUE, { input: { stakeholderId: stakeholder.id, month: next, amount: { amountMinor: '100', currency: 'EUR' } } }, agent.token);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(`${next} has not started yet`) });
      const thisMonth = now().toISOString().slice(0, 7);
      await t.ok(REVENUE, { input: { stakeholderId: stakeholder.id, month: thisMonth, amount: { amountMinor: '100', currency: 'EUR' } } }, agent.token);
    });

    it('CSV imports: a survey answer and a revenue month, by the same clock', async () => {
      const { crisis, stakeholder } = await customerCase();
      const next = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
      const surveys = await uploadCsv(t, admin.token, `external_ref,kind,score,responded_at\n${stakeholder.externalRef},NPS,9,${later()}\n`, { kind: 'SURVEYS', crisisId: crisis.id });
      expect(surveys.body.import.dryRun.firstErrors).toEqual([{ line: 2, column: 'responded_at', reason: expect.stringMatching(/^responded_at \S+ is in the future/) }]);
      const revenue = await uploadCsv(t, admin.token, `external_ref,month,amount_minor,currency\n${stakeholder.externalRef},${next},100,EUR\n`, { kind: 'REVENUE' });
      expect(revenue.body.import.dryRun.firstErrors).toEqual([{ line: 2, column: 'month', reason: `${next} has not started yet` }]);
    });
  });

  describe('no outbound contact before the case was opened', () => {
    beforeEach(() => clock.set(new Date()));

    it('logging one is refused; an inbound message from before is taken; the median stays positive', async () => {
      const { c, contact } = await customerCase();
      const openedAt = (await t.dataSource.query(`SELECT created_at FROM recovery_cases WHERE id = $1`, [c.id]))[0].created_at as Date;
      const base = { caseId: c.id, contactId: contact.id, channel: 'PHONE', outcome: 'REACHED', summary: 'Talked it through' };
      const before = new Date(openedAt.getTime() - HOUR).toISOString();
      const refused = await t.gql(LOG, { input: { ...base, direction: 'OUTBOUND', occurredAt: before } }, agent.token);
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fields: ['occurredAt'] },
        message: expect.stringContaining(`would precede the case, opened at ${openedAt.toISOString()}`),
      });
      expect(await t.dataSource.query(`SELECT status FROM recovery_cases WHERE id = $1`, [c.id])).toEqual([{ status: 'IDENTIFIED' }]);
      await t.ok(LOG, { input: { ...base, direction: 'INBOUND', occurredAt: before } }, agent.token);
      await t.ok(LOG, { input: { ...base, direction: 'OUTBOUND', occurredAt: new Date(openedAt.getTime() + HOUR).toISOString() } }, agent.token);
      const [facts] = await t.dataSource.query(`SELECT first_outbound_at FROM case_response_facts WHERE case_id = $1`, [c.id]);
      expect(facts.first_outbound_at.getTime()).toBe(openedAt.getTime() + HOUR);
    });

    it('completing a meeting held before the case was opened is refused and changes nothing', async () => {
      const crisis = await makeCrisis(t.dataSource);
      const partner = await makeStakeholder(t.dataSource, { kind: StakeholderKind.PARTNER, ownerId: pm.id });
      const c = await makeCase(t.dataSource, { crisisId: crisis.id, stakeholderId: partner.id, ownerId: pm.id });
      const openedAt: Date = (await t.dataSource.query(`SELECT created_at FROM recovery_cases WHERE id = $1`, [c.id]))[0].created_at;
      const meeting = (startsAt: number) =>
        t.ok(SCHEDULE, {
          input: {
            kind: 'REVIEW_MEETING', title: 'Recovery review', stakeholderId: partner.id, caseId: c.id, timeZone: 'UTC', location: 'Their office',
            startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + HOUR).toISOString(),
          },
        }, pm.token);
      const early = (await meeting(openedAt.getTime() - 2 * DAY)).scheduleMeeting.id;
      const refused = await t.gql(COMPLETE, { id: early }, pm.token);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('would precede the case') });
      expect(await t.dataSource.query(`SELECT status FROM meetings WHERE id = $1`, [early])).toEqual([{ status: 'SCHEDULED' }]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM interactions WHERE case_id = $1`, [c.id])).toEqual([{ n: 0 }]);
      // Held after the opening (the case's clock is the machine's here), it completes and counts.
      await t.dataSource.query(`UPDATE recovery_cases SET created_at = created_at - interval '3 days' WHERE id = $1`, [c.id]);
      const held = (await meeting(openedAt.getTime() - DAY)).scheduleMeeting.id;
      expect((await t.ok(COMPLETE, { id: held }, pm.token)).completeMeeting.status).toBe('COMPLETED');
    });
  });
});
