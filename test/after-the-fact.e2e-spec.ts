import { planStepDueTimes } from '../src/modules/cadences/task-schedule';
import { CrisisSeverity } from '../src/modules/crises/crisis.enums';
import { TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { UserRole } from '../src/modules/users/user-role.enum';
import { CREATE_CADENCE, SET_MATRIX } from './support/cadence-operations';
import { OPEN_CASE, openCaseInput } from './support/case-operations';
import { sectionQuery } from './support/dashboard-operations';
import { makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { ManualClock } from './support/manual-clock';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';
import { RECORD_LIFECYCLE_EVENTS, RECORD_SURVEY_RESPONSE } from './support/trust-operations';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id openedAt createdAt statusChangedAt
  sla { goldenHours { state startedAt dueAt fulfilledAt } reply { state } } } }`;
const CHANGE = `mutation ($id: ID!, $status: CaseStatus!, $changedAt: DateTime) {
  changeCaseStatus(id: $id, status: $status, changedAt: $changedAt) { id status statusChangedAt } }`;
const LOG = `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id occurredAt } }`;
const VOID = `mutation ($id: ID!, $reason: String!) { voidInteraction(id: $id, reason: $reason) { id voidedAt voidReason voidedBy { id } } }`;
const VOID_SURVEY = `mutation ($id: ID!, $reason: String!) { voidSurveyResponse(id: $id, reason: $reason) { id voidedAt voidReason } }`;
const CASE_FIGURES = `query ($id: ID!) { recoveryCase(id: $id) { status
  sla { goldenHours { state startedAt fulfilledAt } reply { state startedAt } }
  trust { components { component value } latestScores { nps } } } }`;
const TIMELINE = `query ($caseId: ID!, $includeVoided: Boolean) { caseTimeline(caseId: $caseId, first: 50, includeVoided: $includeVoided) {
  totalCount edges { node { kind summary ... on InteractionTimelineItem { interaction { id voidedAt voidReason } } } } } }`;
const ENROLMENT = `query ($caseId: ID!) { caseEnrolment(caseId: $caseId) { tasks { id stepPosition dueAt status doneInteractionId } } }`;
const ADD_COMMITMENT = `mutation ($input: AddCommitmentInput!) { addCommitment(input: $input) { id createdAt status } }`;
const RESOLVE = `mutation ($id: ID!, $status: CommitmentStatus!, $resolvedAt: DateTime) {
  resolveCommitment(id: $id, status: $status, resolvedAt: $resolvedAt) { id status statusChangedAt } }`;

function refusal(response: GqlResponse, code: string, message: RegExp, field?: string): void {
  expect(errorCode(response)).toBe(code);
  expect(response.errors![0].message).toMatch(message);
  if (field) expect(response.errors![0].extensions?.fields).toEqual([field]);
}

jest.setTimeout(120_000);

describe('Entered after the fact: opening, status, commitment times, and voiding', () => {
  let t: TestApp;
  let clock: ManualClock;
  let now: Date;
  let admin: SignedIn;
  let owner: SignedIn;
  let otherAgent: SignedIn;
  let comms: SignedIn;
  let leader: SignedIn;
  let crisisId: string;
  let detectedAt: Date;

  const newStakeholder = () => makeStakeholder(t.dataSource, { ownerId: owner.id, timeZone: 'Europe/Berlin' });
  const openCase = async (openedAt: Date | null, impact = 'HIGH', crisis = crisisId) => {
    const s = await newStakeholder();
    const input = openCaseInput(crisis, s.id, { impact, ...(openedAt ? { openedAt: openedAt.toISOString() } : {}) });
    return { stakeholderId: s.id, ...(await t.ok(OPEN, { input }, owner.token)).openCase };
  };
  const log = async (caseId: string, direction: 'INBOUND' | 'OUTBOUND', at: Date, extra: Record<string, unknown> = {}) =>
    (
      await t.ok(
        LOG,
        { input: { caseId, channel: 'PHONE', direction, occurredAt: at.toISOString(), summary: 'Went through the replacement plan', outcome: 'REACHED', ...extra } },
        owner.token,
      )
    ).logInteraction;
  const figures = async (caseId: string) => (await t.ok(CASE_FIGURES, { id: caseId }, owner.token)).recoveryCase;
  const component = (f: any, key: string) => f.trust.components.find((c: any) => c.component === key).value;

  beforeAll(async () => {
    // The app's clock stands still at the moment the suite starts (any day, any hour).
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    clock = new ManualClock(now);
    t = await TestApp.start({}, { clock });
    admin = await t.signInAdmin();
    owner = await t.signInAs(UserRole.AGENT, 'Olga Owner');
    otherAgent = await t.signInAs(UserRole.AGENT);
    comms = await t.signInAs(UserRole.COMMS);
    leader = await t.signInAs(UserRole.LEADERSHIP);
    // Detected three months before the start of this month, so every month is a whole one.
    detectedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1, 8));
    crisisId = (await makeCrisis(t.dataSource, { severity: CrisisSeverity.SEVERE, startedAt: detectedAt, detectedAt })).id;
  }, 120_000);
  afterAll(() => t.close());

  describe('openCase.openedAt', () => {
    it('refuses the future and a time before the crisis was detected, naming the field, and writes nothing', async () => {
      const s = await newStakeholder();
      const before = await t.rowCount('recovery_cases');
      const future = await t.gql(OPEN_CASE, { input: openCaseInput(crisisId, s.id, { openedAt: new Date(now.getTime() + 1000).toISOString() }) }, owner.token);
      refusal(future, 'BAD_USER_INPUT', /^openedAt must not be in the future/, 'openedAt');
      const early = await t.gql(OPEN_CASE, { input: openCaseInput(crisisId, s.id, { openedAt: new Date(detectedAt.getTime() - 1000).toISOString() }) }, owner.token);
      refusal(early, 'BAD_USER_INPUT', new RegExp(`^openedAt must not be before the crisis was detected \\(${detectedAt.toISOString().replace('.000Z', 'Z')}\\)$`), 'openedAt');
      expect(await t.rowCount('recovery_cases')).toBe(before);
    });

    it('defaults to now', async () => {
      const c = await openCase(null);
      expect(new Date(c.openedAt)).toEqual(now);
      expect(new Date(c.statusChangedAt)).toEqual(now);
    });

    it('starts the golden hours and the response facts at the real opening, and keeps when it was recorded in the audit', async () => {
      const openedAt = new Date(now.getTime() - 30 * HOUR);
      const c = await openCase(openedAt);
      expect(new Date(c.openedAt)).toEqual(openedAt);
      expect(new Date(c.statusChangedAt)).toEqual(openedAt);
      const [{ hours }] = await t.dataSource.query(`SELECT golden_hours_severe AS hours FROM sla_settings`);
      expect(new Date(c.sla.goldenHours.startedAt)).toEqual(openedAt);
      expect(new Date(c.sla.goldenHours.dueAt)).toEqual(new Date(openedAt.getTime() + hours * HOUR));
      expect(c.sla.goldenHours.state).toBe('BREACHED');
      const [entry] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE entity_id = $1 AND action = 'CASE_OPENED'`, [c.id]);
      expect(new Date(entry.after.openedAt)).toEqual(openedAt);

      await log(c.id, 'OUTBOUND', new Date(openedAt.getTime() + 2 * HOUR));
      const [facts] = await t.dataSource.query(`SELECT first_outbound_at FROM case_response_facts WHERE case_id = $1`, [c.id]);
      expect(new Date(facts.first_outbound_at).getTime() - openedAt.getTime()).toBe(2 * HOUR);
    });

    it('counts the dashboard’s time to first contact from the opening, not the recording', async () => {
      const own = await makeCrisis(t.dataSource, { severity: CrisisSeverity.SEVERE, startedAt: detectedAt, detectedAt });
      const openedAt = new Date(now.getTime() - 30 * HOUR);
      const c = await openCase(openedAt, 'HIGH', own.id);
      await log(c.id, 'OUTBOUND', new Date(openedAt.getTime() + 2 * HOUR));
      const response = (await t.ok(sectionQuery('response'), { crisisId: own.id }, leader.token)).crisisDashboard.response;
      expect(response.medianSecondsToFirstContact).toBe(7200);
      expect(response.contactedWithinGoldenHours).toMatchObject({ numerator: 1, denominator: 1 });
    });

    it('enrols from the opening, with no task due before now', async () => {
      const cadence = (
        await t.ok(
          CREATE_CADENCE,
          { input: { name: `Backdated ${now.getTime()}`, steps: [
            { offset: 'PT4H', channel: 'PHONE', action: 'CALL' },
            { offset: 'P1D', channel: 'EMAIL', action: 'EMAIL' },
            { offset: 'P30D', channel: 'PHONE', action: 'CALL' },
          ] } },
          admin.token,
        )
      ).createCadence;
      await t.ok(SET_MATRIX, { severity: 'SEVERE', impact: 'MEDIUM', cadenceId: cadence.id }, admin.token);
      const openedAt = new Date(now.getTime() - 3 * DAY);
      const c = await openCase(openedAt, 'MEDIUM');
      const tasks = (await t.ok(ENROLMENT, { caseId: c.id }, owner.token)).caseEnrolment.tasks;
      const planned = planStepDueTimes(openedAt, ['PT4H', 'P1D', 'P30D'], 'Europe/Berlin', [], 3, now);
      expect(tasks.map((task: any) => new Date(task.dueAt).toISOString())).toEqual(planned.map((p) => p.dueAt.toISOString()));
      expect(tasks.every((task: any) => new Date(task.dueAt) >= now)).toBe(true);
      // Counted from the opening, not from now: planned from now, the steps would differ.
      expect(planStepDueTimes(now, ['PT4H', 'P1D', 'P30D'], 'Europe/Berlin', [], 3).map((p) => p.dueAt.toISOString())).not.toEqual(
        tasks.map((task: any) => new Date(task.dueAt).toISOString()),
      );
      await t.ok(SET_MATRIX, { severity: 'SEVERE', impact: 'MEDIUM', cadenceId: null }, admin.token);
    });
  });

  describe('changeCaseStatus.changedAt', () => {
    it('refuses the future and a time before the previous change, and changes nothing', async () => {
      const c = await openCase(new Date(now.getTime() - 10 * DAY));
      refusal(await t.gql(CHANGE, { id: c.id, status: 'CONTACTED', changedAt: new Date(now.getTime() + 1000).toISOString() }, owner.token),
        'BAD_USER_INPUT', /^changedAt must not be in the future/, 'changedAt');
      refusal(await t.gql(CHANGE, { id: c.id, status: 'CONTACTED', changedAt: new Date(now.getTime() - 11 * DAY).toISOString() }, owner.token),
        'BAD_USER_INPUT', /^changedAt must not be before the case's previous status change, to IDENTIFIED \(/, 'changedAt');
      const [row] = await t.dataSource.query(`SELECT status FROM recovery_cases WHERE id = $1`, [c.id]);
      expect(row.status).toBe('IDENTIFIED');
    });

    it('puts a backdated churn in its own month of the snapshots, after the job runs', async () => {
      const month = (m: number, day: number) => new Date(Date.UTC(detectedAt.getUTCFullYear(), detectedAt.getUTCMonth() + m, day, 10));
      const c = await openCase(month(0, 10));
      await t.ok(CHANGE, { id: c.id, status: 'CONTACTED', changedAt: month(0, 20).toISOString() }, owner.token);
      const churned = (await t.ok(CHANGE, { id: c.id, status: 'CHURNED', changedAt: month(1, 15).toISOString() }, owner.token)).changeCaseStatus;
      expect(new Date(churned.statusChangedAt)).toEqual(month(1, 15));
      await t.app.get(TrustSnapshotService).run({ now, crisisId });
      const rows = await t.dataSource.query(
        `SELECT month_index, case_status, trust_index FROM case_trust_snapshots WHERE case_id = $1 ORDER BY month_index`, [c.id]);
      expect(rows.map((r: any) => [r.month_index, r.case_status])).toEqual([[0, 'CONTACTED'], [1, 'CHURNED'], [2, 'CHURNED'], [3, 'CHURNED']]);
      expect(rows[1].trust_index).toBe(0);
      // The timeline places each change when it happened: the churn is the newest item.
      const [newest] = (await t.ok(TIMELINE, { caseId: c.id }, owner.token)).caseTimeline.edges;
      expect(newest.node.summary).toMatch(/CONTACTED → CHURNED/);
    });

    it('moves a case churned by a lifecycle event at the event’s time, never before its previous change', async () => {
      const month = (m: number, day: number) => new Date(Date.UTC(detectedAt.getUTCFullYear(), detectedAt.getUTCMonth() + m, day, 10));
      const c = await openCase(month(0, 10));
      await t.ok(CHANGE, { id: c.id, status: 'CONTACTED', changedAt: month(1, 5).toISOString() }, owner.token);
      const early = { stakeholderId: c.stakeholderId, caseId: c.id, kind: 'CHURNED', occurredAt: month(1, 1).toISOString() };
      const refused = (await t.ok(RECORD_LIFECYCLE_EVENTS, { rows: [early] }, owner.token)).recordLifecycleEvents;
      expect(refused.committed).toBe(false);
      expect(refused.rows[0].errors).toEqual([
        expect.objectContaining({ field: 'occurredAt', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^occurredAt must not be before the case's last status change/) }),
      ]);
      const rows = [{ ...early, occurredAt: month(1, 25).toISOString() }];
      expect((await t.ok(RECORD_LIFECYCLE_EVENTS, { rows }, owner.token)).recordLifecycleEvents.committed).toBe(true);
      const [row] = await t.dataSource.query(`SELECT status, status_changed_at FROM recovery_cases WHERE id = $1`, [c.id]);
      expect(row).toEqual({ status: 'CHURNED', status_changed_at: month(1, 25) });
      await t.app.get(TrustSnapshotService).run({ now, crisisId });
      const snaps = await t.dataSource.query(`SELECT month_index, case_status FROM case_trust_snapshots WHERE case_id = $1 ORDER BY month_index`, [c.id]);
      expect(snaps.map((r: any) => r.case_status)).toEqual(['IDENTIFIED', 'CHURNED', 'CHURNED', 'CHURNED']);
    });
  });

  describe('commitments: madeAt and resolvedAt', () => {
    it('keeps when a promise was made and done, and refuses the future or done before made', async () => {
      const c = await openCase(new Date(now.getTime() - 20 * DAY));
      const madeAt = new Date(now.getTime() - 15 * DAY);
      const dueOn = new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10);
      const input = { caseId: c.id, description: 'Replace the two failed units', party: 'OURS', ownerUserId: owner.id, dueOn };
      refusal(await t.gql(ADD_COMMITMENT, { input: { ...input, madeAt: new Date(now.getTime() + 1000).toISOString() } }, owner.token),
        'BAD_USER_INPUT', /^madeAt must not be in the future/, 'madeAt');
      const made = (await t.ok(ADD_COMMITMENT, { input: { ...input, madeAt: madeAt.toISOString() } }, owner.token)).addCommitment;
      expect(new Date(made.createdAt)).toEqual(madeAt);
      refusal(await t.gql(RESOLVE, { id: made.id, status: 'DONE', resolvedAt: new Date(madeAt.getTime() - 1000).toISOString() }, owner.token),
        'BAD_USER_INPUT', /^resolvedAt must not be before the commitment was made/, 'resolvedAt');
      const doneAt = new Date(now.getTime() - 12 * DAY);
      const done = (await t.ok(RESOLVE, { id: made.id, status: 'DONE', resolvedAt: doneAt.toISOString() }, owner.token)).resolveCommitment;
      expect(new Date(done.statusChangedAt)).toEqual(doneAt);
      // Done before its due date: a promise kept, though recorded after it.
      expect(component(await figures(c.id), 'PROMISES')).toBe(1);
    });
  });

  describe('voiding an interaction', () => {
    it('is left out of every figure, reopens the task it did, and is kept and audited', async () => {
      const cadence = (await t.ok(CREATE_CADENCE, { input: { name: `Void ${now.getTime()}`, steps: [{ offset: 'PT1H', channel: 'PHONE', action: 'CALL' }] } }, admin.token)).createCadence;
      await t.ok(SET_MATRIX, { severity: 'SEVERE', impact: 'LOW', cadenceId: cadence.id }, admin.token);
      const c = await openCase(new Date(now.getTime() - 50 * HOUR), 'LOW');
      await t.ok(SET_MATRIX, { severity: 'SEVERE', impact: 'LOW', cadenceId: null }, admin.token);
      const inbound = await log(c.id, 'INBOUND', new Date(now.getTime() - 3 * HOUR));
      const call = await log(c.id, 'OUTBOUND', new Date(now.getTime() - 2 * HOUR), { sentiment: 2 });

      const before = await figures(c.id);
      expect(before.sla.reply.state).toBe('MET');
      expect(component(before, 'SENTIMENT')).toBe(1);
      expect(component(before, 'RESPONSIVENESS')).toBe(1);
      const [task] = (await t.ok(ENROLMENT, { caseId: c.id }, owner.token)).caseEnrolment.tasks;
      expect(task).toMatchObject({ status: 'DONE', doneInteractionId: call.id });
      const exported = async () => (await t.app.inject({ method: 'GET', url: `/exports/interactions.csv?caseId=${c.id}`, headers: { authorization: `Bearer ${owner.token}` } })).body;
      expect(await exported()).toContain(call.id);
      const snapshotSentiment = async () => {
        await t.app.get(TrustSnapshotService).run({ now, crisisId });
        const [row] = await t.dataSource.query(
          `SELECT component_sentiment, component_responsiveness FROM case_trust_snapshots WHERE case_id = $1 ORDER BY month_index DESC LIMIT 1`, [c.id]);
        return row;
      };
      expect(await snapshotSentiment()).toEqual({ component_sentiment: '1.0000', component_responsiveness: '1.0000' });

      // Who may: who logged it, the case owner, an admin; not another agent, not COMMS.
      refusal(await t.gql(VOID, { id: call.id, reason: 'Logged on the wrong case' }, otherAgent.token), 'FORBIDDEN', /Only who logged interaction/);
      expect(errorCode(await t.gql(VOID, { id: call.id, reason: 'Logged on the wrong case' }, comms.token))).toBe('FORBIDDEN');
      refusal(await t.gql(VOID, { id: call.id, reason: '   ' }, owner.token), 'BAD_USER_INPUT', /^reason must not be blank/, 'reason');
      const voided = (await t.ok(VOID, { id: call.id, reason: 'Logged on the wrong case' }, owner.token)).voidInteraction;
      expect(voided).toMatchObject({ id: call.id, voidReason: 'Logged on the wrong case', voidedBy: { id: owner.id } });
      expect(new Date(voided.voidedAt)).toEqual(now);
      refusal(await t.gql(VOID, { id: call.id, reason: 'again' }, admin.token), 'CONFLICT', /already voided/);

      const [entry] = await t.dataSource.query(`SELECT actor_id, before, after FROM audit_entries WHERE entity_id = $1 AND action = 'INTERACTION_VOIDED'`, [call.id]);
      expect(entry).toMatchObject({ actor_id: owner.id, before: { voidedAt: null, caseId: c.id }, after: { reason: 'Logged on the wrong case', reopenedTaskIds: [task.id] } });
      const [kept] = await t.dataSource.query(`SELECT voided_by_id, void_reason FROM interactions WHERE id = $1`, [call.id]);
      expect(kept).toEqual({ voided_by_id: owner.id, void_reason: 'Logged on the wrong case' });

      const after = await figures(c.id);
      expect(after.sla.goldenHours.fulfilledAt).toBeNull();
      // The inbound message is unanswered again, its reply clock running.
      expect(after.sla.reply.state).toBe('PENDING');
      expect(new Date(after.sla.reply.startedAt)).toEqual(new Date(inbound.occurredAt));
      expect(component(after, 'SENTIMENT')).toBeNull();
      expect(component(after, 'RESPONSIVENESS')).toBeNull();
      const [facts] = await t.dataSource.query(`SELECT first_outbound_at, outbound, cardinality(unanswered_at) AS unanswered FROM case_response_facts WHERE case_id = $1`, [c.id]);
      expect(facts).toEqual({ first_outbound_at: null, outbound: 0, unanswered: 1 });
      const [reopened] = (await t.ok(ENROLMENT, { caseId: c.id }, owner.token)).caseEnrolment.tasks;
      expect(reopened).toMatchObject({ id: task.id, status: 'OPEN', doneInteractionId: null });
      expect(await exported()).not.toContain(call.id);

      const hidden = (await t.ok(TIMELINE, { caseId: c.id }, owner.token)).caseTimeline;
      expect(hidden.edges.map((e: any) => e.node.interaction?.id).filter(Boolean)).toEqual([inbound.id]);
      const shown = (await t.ok(TIMELINE, { caseId: c.id, includeVoided: true }, owner.token)).caseTimeline;
      expect(shown.totalCount).toBe(hidden.totalCount + 1);
      const voidedItem = shown.edges.find((e: any) => e.node.interaction?.id === call.id).node;
      expect(voidedItem.summary).toMatch(/^VOIDED \(Logged on the wrong case\): OUTBOUND PHONE/);

      expect(await snapshotSentiment()).toEqual({ component_sentiment: null, component_responsiveness: null });
    });
  });

  describe('voiding a survey answer', () => {
    it('drops it from the index and lets the same answer be recorded again', async () => {
      const wrong = await openCase(new Date(now.getTime() - 5 * DAY));
      const contact = await makeContact(t.dataSource, wrong.stakeholderId);
      const answer = { caseId: wrong.id, contactId: contact.id, kind: 'NPS', score: 3, respondedAt: new Date(now.getTime() - DAY).toISOString() };
      const recorded = (await t.ok(RECORD_SURVEY_RESPONSE, { input: answer }, owner.token)).recordSurveyResponse;
      expect((await figures(wrong.id)).trust.latestScores.nps).toBe(3);
      expect(errorCode(await t.gql(VOID_SURVEY, { id: recorded.id, reason: 'Wrong customer' }, otherAgent.token))).toBe('FORBIDDEN');
      const voided = (await t.ok(VOID_SURVEY, { id: recorded.id, reason: 'Wrong customer' }, owner.token)).voidSurveyResponse;
      expect(voided.voidReason).toBe('Wrong customer');
      refusal(await t.gql(VOID_SURVEY, { id: recorded.id, reason: 'again' }, owner.token), 'CONFLICT', /already voided/);
      expect((await figures(wrong.id)).trust.latestScores.nps).toBeNull();
      const [entry] = await t.dataSource.query(`SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'SURVEY_RESPONSE_VOIDED'`, [recorded.id]);
      expect(entry).toMatchObject({ before: { score: 3, voidedAt: null }, after: { reason: 'Wrong customer' } });
      // The natural key covers live answers only: the same answer is a new one now.
      const again = (await t.ok(RECORD_SURVEY_RESPONSE, { input: { ...answer, score: 9 } }, owner.token)).recordSurveyResponse;
      expect(again.id).not.toBe(recorded.id);
      expect((await figures(wrong.id)).trust.latestScores.nps).toBe(9);
    });
  });
});
