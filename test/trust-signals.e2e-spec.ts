import { CaseStatus } from '../src/modules/cases/case.enums';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';
import {
  RECORD_LIFECYCLE_EVENT,
  RECORD_REVENUE_MONTH,
  RECORD_REVENUE_MONTHS,
  RECORD_SURVEY_RESPONSE,
  RECORD_SURVEY_RESPONSES,
  RECORD_LIFECYCLE_EVENTS,
  UPDATE_TRUST_SETTINGS,
} from './support/trust-operations';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('trust signals', () => {
  let t: TestApp;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let partnerManager: SignedIn;
  let leadership: SignedIn;
  let comms: SignedIn;
  let admin: SignedIn;
  let crisisId: string;
  /** A customer case the agent owns, with a contact. */
  let own: { caseId: string; stakeholderId: string; contactId: string };
  let others: { caseId: string; stakeholderId: string };

  const ds = () => t.dataSource;
  const customerCase = async (owner: SignedIn) => {
    const s = await makeStakeholder(ds(), { kind: StakeholderKind.CUSTOMER, ownerId: owner.id });
    const c = await makeCase(ds(), { crisisId, stakeholderId: s.id, ownerId: owner.id });
    const contact = await makeContact(ds(), s.id);
    return { caseId: c.id, stakeholderId: s.id, contactId: contact.id };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [agent, otherAgent, partnerManager, leadership, comms] = await Promise.all([
      t.signInAs(UserRole.AGENT),
      t.signInAs(UserRole.AGENT),
      t.signInAs(UserRole.PARTNER_MANAGER),
      t.signInAs(UserRole.LEADERSHIP),
      t.signInAs(UserRole.COMMS),
    ]);
    admin = await t.signInAdmin();
    crisisId = (await makeCrisis(ds(), { startedAt: new Date('2026-06-02T06:00:00Z'), detectedAt: new Date('2026-06-02T09:00:00Z') })).id;
    own = await customerCase(agent);
    others = await customerCase(otherAgent);
  });
  afterAll(() => t.close());

  describe('a survey response', () => {
    it('is recorded once: recording the same answer again returns it unchanged', async () => {
      const input = { caseId: own.caseId, contactId: own.contactId, kind: 'NPS', score: 4, respondedAt: minutesAgo(30), comment: 'Slow refund' };
      const first = await t.ok(RECORD_SURVEY_RESPONSE, { input }, agent.token);
      expect(first.recordSurveyResponse).toMatchObject({ kind: 'NPS', score: 4, stakeholderId: own.stakeholderId, isPreCrisis: false });
      const before = await t.rowCount('survey_responses');
      const again = await t.ok(RECORD_SURVEY_RESPONSE, { input }, agent.token);
      expect(again.recordSurveyResponse.id).toBe(first.recordSurveyResponse.id);
      expect(await t.rowCount('survey_responses')).toBe(before);

      const changed = await t.gql(RECORD_SURVEY_RESPONSE, { input: { ...input, score: 9 } }, agent.token);
      expect(errorCode(changed)).toBe('CONFLICT');
      expect(changed.errors![0].message).toMatch(/already recorded with score 4/);
    });

    it.each([
      ['an NPS of 11', { kind: 'NPS', score: 11 }, 'BAD_USER_INPUT', /NPS score is a whole number from 0 to 10/],
      ['a CSAT of 0', { kind: 'CSAT', score: 0 }, 'BAD_USER_INPUT', /CSAT score is a whole number from 1 to 5/],
      ['a TRUST of 6', { kind: 'TRUST', score: 6 }, 'BAD_USER_INPUT', /from 1 to 5/],
      ['a future answer', { respondedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'BAD_USER_INPUT', /in the future/],
      ['a pre-crisis answer after the start', { isPreCrisis: true }, 'BAD_USER_INPUT', /must be from before the crisis started/],
      ['an answer before the crisis not marked pre-crisis', { respondedAt: '2026-05-01T10:00:00Z' }, 'BAD_USER_INPUT', /isPreCrisis: true/],
      ['an unknown case', { caseId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', /does not exist/],
      ['a malformed case id', { caseId: 'case-1' }, 'BAD_USER_INPUT', /caseId must be a UUID/],
    ])('refuses %s, writing nothing', async (_, change, code, message) => {
      const before = await t.rowCount('survey_responses');
      const res = await t.gql(RECORD_SURVEY_RESPONSE, { input: { caseId: own.caseId, kind: 'TRUST', score: 3, respondedAt: minutesAgo(5), ...change } }, agent.token);
      expect(errorCode(res)).toBe(code);
      expect(res.errors![0].message).toMatch(message);
      expect(await t.rowCount('survey_responses')).toBe(before);
    });

    it('refuses a contact of another stakeholder', async () => {
      const res = await t.gql(
        RECORD_SURVEY_RESPONSE,
        { input: { caseId: own.caseId, contactId: (await makeContact(ds(), others.stakeholderId)).id, kind: 'CSAT', score: 3, respondedAt: minutesAgo(5) } },
        agent.token,
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ fields: ['contactId'] });
    });

    it('accepts a pre-crisis baseline from before the crisis started', async () => {
      const res = await t.ok(
        RECORD_SURVEY_RESPONSE,
        { input: { caseId: own.caseId, kind: 'TRUST', score: 5, respondedAt: '2026-05-20T10:00:00Z', isPreCrisis: true } },
        agent.token,
      );
      expect(res.recordSurveyResponse.isPreCrisis).toBe(true);
    });

    it('is recorded by the case owner, leadership and admins; not by another agent or comms', async () => {
      const input = (m: number) => ({ caseId: others.caseId, kind: 'TRUST', score: 2, respondedAt: minutesAgo(m) });
      const refused = await t.gql(RECORD_SURVEY_RESPONSE, { input: input(11) }, agent.token);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toMatch(/Only the owner of case/);
      expect(errorCode(await t.gql(RECORD_SURVEY_RESPONSE, { input: input(12) }, comms.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(RECORD_SURVEY_RESPONSE, { input: input(13) }, partnerManager.token))).toBe('FORBIDDEN');
      await t.ok(RECORD_SURVEY_RESPONSE, { input: input(14) }, otherAgent.token);
      await t.ok(RECORD_SURVEY_RESPONSE, { input: input(15) }, leadership.token);
      await t.ok(RECORD_SURVEY_RESPONSE, { input: input(16) }, admin.token);
    });
  });

  describe('in bulk', () => {
    const rows = () => [
      { caseId: own.caseId, kind: 'TRUST', score: 4, respondedAt: '2026-07-01T10:00:00Z' },
      { caseId: own.caseId, kind: 'NPS', score: 12, respondedAt: '2026-07-01T10:00:00Z' },
      { caseId: own.caseId, contactId: own.contactId, kind: 'CSAT', score: 5, respondedAt: '2026-07-02T10:00:00Z' },
      { caseId: others.caseId, kind: 'TRUST', score: 3, respondedAt: '2026-07-03T10:00:00Z' },
      { caseId: 'nope', kind: 'TRUST', score: 3, respondedAt: '2026-07-03T10:00:00Z', comment: 'x'.repeat(5001) },
    ];

    it('reports every bad row with its index, field and code, and writes nothing unless asked for partial acceptance', async () => {
      const before = await t.rowCount('survey_responses');
      const { recordSurveyResponses: r } = await t.ok(RECORD_SURVEY_RESPONSES, { rows: rows() }, agent.token);
      expect(r).toMatchObject({ committed: false, created: 0, rejected: 3 });
      expect(r.rows.map((row: { status: string }) => row.status)).toEqual(['NOT_WRITTEN', 'REJECTED', 'NOT_WRITTEN', 'REJECTED', 'REJECTED']);
      expect(r.rows[1].errors).toEqual([{ field: 'score', code: 'BAD_USER_INPUT', message: 'A NPS score is a whole number from 0 to 10, not 12' }]);
      expect(r.rows[3].errors).toEqual([expect.objectContaining({ field: 'caseId', code: 'FORBIDDEN' })]);
      expect(r.rows[4].errors.map((e: { field: string }) => e.field).sort()).toEqual(['caseId', 'comment']);
      expect(await t.rowCount('survey_responses')).toBe(before);
    });

    it('keeps the good rows with acceptPartial, and a second run changes nothing', async () => {
      const before = await t.rowCount('survey_responses');
      const { recordSurveyResponses: r } = await t.ok(RECORD_SURVEY_RESPONSES, { rows: rows(), acceptPartial: true }, agent.token);
      expect(r).toMatchObject({ committed: true, created: 2, unchanged: 0, rejected: 3 });
      expect(r.rows[0]).toMatchObject({ index: 0, status: 'CREATED', id: expect.any(String) });
      expect(r.rows[2]).toMatchObject({ index: 2, status: 'CREATED', id: expect.any(String) });
      expect(await t.rowCount('survey_responses')).toBe(before + 2);

      const { recordSurveyResponses: again } = await t.ok(RECORD_SURVEY_RESPONSES, { rows: rows(), acceptPartial: true }, agent.token);
      expect(again).toMatchObject({ committed: true, created: 0, unchanged: 2, rejected: 3 });
      expect(again.rows[0].id).toBe(r.rows[0].id);
      expect(await t.rowCount('survey_responses')).toBe(before + 2);
    });

    it('writes an all-good batch in one insert, identical rows in the same call counting once', async () => {
      const batch = Array.from({ length: 50 }, (_, i) => ({
        caseId: own.caseId,
        kind: 'NPS',
        score: i % 11,
        respondedAt: new Date(Date.UTC(2026, 7, 1, 0, i)).toISOString(),
      }));
      const before = await t.rowCount('survey_responses');
      const statements = await t.countQueries(async () => {
        const { recordSurveyResponses: r } = await t.ok(RECORD_SURVEY_RESPONSES, { rows: [...batch, batch[0]] }, agent.token);
        expect(r).toMatchObject({ committed: true, created: 50, unchanged: 1, rejected: 0 });
      });
      expect(await t.rowCount('survey_responses')).toBe(before + 50);
      // Sign-in, transaction, case and contact look-ups, existing keys, insert, re-read of the duplicate.
      expect(statements).toBeLessThanOrEqual(10);
    });

    it('refuses an empty or oversized call as a whole', async () => {
      expect(errorCode(await t.gql(RECORD_SURVEY_RESPONSES, { rows: [] }, agent.token))).toBe('BAD_USER_INPUT');
      const tooMany = Array.from({ length: 1001 }, () => rows()[0]);
      const res = await t.gql(RECORD_SURVEY_RESPONSES, { rows: tooMany }, agent.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/at most 1000 rows/);
    });
  });

  describe('revenue months', () => {
    const month = new Date().toISOString().slice(0, 7);

    it('records a month, leaves an identical re-recording alone, and audits a change with before and after', async () => {
      const input = { stakeholderId: own.stakeholderId, month: '2026-07', amount: { amountMinor: '600000', currency: 'EUR' } };
      const first = await t.ok(RECORD_REVENUE_MONTH, { input }, agent.token);
      expect(first.recordRevenueMonth).toMatchObject({ month: '2026-07-01', amount: { amountMinor: '600000', currency: 'EUR' } });
      const audits = () =>
        ds().query(`SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'REVENUE_MONTH_RECORDED' ORDER BY id`, [own.stakeholderId]);
      expect(await audits()).toEqual([{ before: null, after: { month: '2026-07-01', amountMinor: '600000', currency: 'EUR' } }]);

      const { recordRevenueMonths: same } = await t.ok(RECORD_REVENUE_MONTHS, { rows: [input] }, agent.token);
      expect(same).toMatchObject({ committed: true, unchanged: 1 });
      expect(await audits()).toHaveLength(1);

      const { recordRevenueMonths: changed } = await t.ok(
        RECORD_REVENUE_MONTHS,
        { rows: [{ ...input, amount: { amountMinor: '9007199254740993', currency: 'EUR' } }] },
        agent.token,
      );
      expect(changed.rows).toEqual([{ index: 0, status: "UPDATED", id: null, errors: [] }]);
      expect((await audits())[1]).toEqual({
        before: { month: '2026-07-01', amountMinor: '600000', currency: 'EUR' },
        after: { month: '2026-07-01', amountMinor: '9007199254740993', currency: 'EUR' },
      });
    });

    it('checks each row: currency against the baseline, months not yet started, repeats, owners', async () => {
      const before = await t.rowCount('stakeholder_revenue_months');
      const auditBefore = await t.rowCount('audit_entries');
      const { recordRevenueMonths: r } = await t.ok(
        RECORD_REVENUE_MONTHS,
        {
          rows: [
            { stakeholderId: own.stakeholderId, month: '2026-08', amount: { amountMinor: '1000', currency: 'USD' } },
            { stakeholderId: own.stakeholderId, month: '2099-01', amount: { amountMinor: '1000', currency: 'EUR' } },
            { stakeholderId: own.stakeholderId, month: month, amount: { amountMinor: '1000', currency: 'EUR' } },
            { stakeholderId: own.stakeholderId, month: `${month}-01`, amount: { amountMinor: '2000', currency: 'EUR' } },
            { stakeholderId: others.stakeholderId, month: '2026-08', amount: { amountMinor: '1000', currency: 'EUR' } },
            { stakeholderId: own.stakeholderId, month: '2026-8', amount: { amountMinor: '-5', currency: 'EUR' } },
          ],
        },
        agent.token,
      );
      expect(r.committed).toBe(false);
      const fields = r.rows.map((row: { errors: { field: string; code: string }[] }) => row.errors.map((e) => `${e.field}:${e.code}`));
      expect(fields).toEqual([
        ['amount.currency:BAD_USER_INPUT'],
        ['month:BAD_USER_INPUT'],
        [],
        ['month:BAD_USER_INPUT'],
        ['stakeholderId:FORBIDDEN'],
        expect.arrayContaining(['month:BAD_USER_INPUT', 'amount.amountMinor:BAD_USER_INPUT']),
      ]);
      expect(await t.rowCount('stakeholder_revenue_months')).toBe(before);
      expect(await t.rowCount('audit_entries')).toBe(auditBefore);
    });

    it('lets a partner manager record for the partner they own', async () => {
      const partner = await makeStakeholder(ds(), { kind: StakeholderKind.PARTNER, ownerId: partnerManager.id });
      const input = { stakeholderId: partner.id, month: '2026-07', amount: { amountMinor: '4400000000', currency: 'EUR' } };
      await t.ok(RECORD_REVENUE_MONTH, { input }, partnerManager.token);
      expect(errorCode(await t.gql(RECORD_REVENUE_MONTH, { input }, agent.token))).toBe('FORBIDDEN');
    });
  });

  describe('lifecycle events', () => {
    it('a churn on a case moves the case to CHURNED once, audited; recording it again changes nothing', async () => {
      const c = await customerCase(agent);
      // RECOVERING since yesterday: the churn an hour ago comes after it.
      await ds().query(`UPDATE recovery_cases SET status = 'RECOVERING', status_changed_at = now() - interval '1 day' WHERE id = $1`, [c.caseId]);
      const input = { stakeholderId: c.stakeholderId, caseId: c.caseId, kind: 'CHURNED', occurredAt: minutesAgo(60), note: 'Moved to a competitor' };
      const first = await t.ok(RECORD_LIFECYCLE_EVENT, { input }, agent.token);
      const again = await t.ok(RECORD_LIFECYCLE_EVENT, { input }, agent.token);
      expect(again.recordLifecycleEvent.id).toBe(first.recordLifecycleEvent.id);
      const [row] = await ds().query(`SELECT status FROM recovery_cases WHERE id = $1`, [c.caseId]);
      expect(row.status).toBe(CaseStatus.CHURNED);
      const audit = await ds().query(`SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'CASE_STATUS_CHANGED'`, [c.caseId]);
      expect(audit).toEqual([
        {
          before: { status: 'RECOVERING' },
          // The case churned when the event happened, not when it was recorded.
          after: { status: 'CHURNED', note: 'Moved to a competitor', lifecycleEventId: first.recordLifecycleEvent.id, changedAt: input.occurredAt },
        },
      ]);
    });

    it('refuses to churn a case the status table keeps from churning, and a case of another stakeholder', async () => {
      const c = await customerCase(agent);
      await ds().query(`UPDATE recovery_cases SET status = 'RECOVERED' WHERE id = $1`, [c.caseId]);
      const before = await t.rowCount('stakeholder_lifecycle_events');
      const { recordLifecycleEvents: r } = await t.ok(
        RECORD_LIFECYCLE_EVENTS,
        {
          rows: [
            { stakeholderId: c.stakeholderId, caseId: c.caseId, kind: 'CHURNED', occurredAt: minutesAgo(5) },
            { stakeholderId: c.stakeholderId, caseId: own.caseId, kind: 'RENEWED', occurredAt: minutesAgo(5) },
            { stakeholderId: c.stakeholderId, caseId: c.caseId, kind: 'RENEWED', occurredAt: minutesAgo(5) },
          ],
          acceptPartial: true,
        },
        agent.token,
      );
      expect(r.rows.map((x: { status: string }) => x.status)).toEqual(['REJECTED', 'REJECTED', 'CREATED']);
      expect(r.rows[0].errors[0]).toMatchObject({ field: 'kind', code: 'CONFLICT', message: expect.stringMatching(/RECOVERED and cannot move to CHURNED/) });
      expect(r.rows[1].errors[0]).toMatchObject({ field: 'caseId', code: 'BAD_USER_INPUT' });
      expect(await t.rowCount('stakeholder_lifecycle_events')).toBe(before + 1);
      const [row] = await ds().query(`SELECT status FROM recovery_cases WHERE id = $1`, [c.caseId]);
      expect(row.status).toBe(CaseStatus.RECOVERED);
    });

    it('records a stakeholder-level event for an owner of one of its cases, not for comms', async () => {
      const input = { stakeholderId: own.stakeholderId, kind: 'RENEWED', occurredAt: minutesAgo(2) };
      await ds().query(`UPDATE stakeholders SET owner_id = NULL WHERE id = $1`, [own.stakeholderId]);
      await t.ok(RECORD_LIFECYCLE_EVENT, { input }, agent.token);
      expect(errorCode(await t.gql(RECORD_LIFECYCLE_EVENT, { input }, comms.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(RECORD_LIFECYCLE_EVENT, { input }, otherAgent.token))).toBe('FORBIDDEN');
    });
  });

  describe('trust settings', () => {
    it('admins change them, audited; impossible combinations are refused and change nothing', async () => {
      const { updateTrustSettings } = await t.ok(UPDATE_TRUST_SETTINGS, { input: { weightNps: 30, recoveredMin: 80 } }, admin.token);
      expect(updateTrustSettings).toMatchObject({ weightNps: 30, recoveredMin: 80, recoveringMin: 45 });
      const [entry] = await ds().query(`SELECT before, after FROM audit_entries WHERE action = 'TRUST_SETTINGS_CHANGED' ORDER BY id DESC LIMIT 1`);
      expect(entry.before).toMatchObject({ weightNps: 20, recoveredMin: 75 });
      expect(entry.after).toMatchObject({ weightNps: 30, recoveredMin: 80 });

      const audits = await t.rowCount('audit_entries');
      for (const input of [
        { recoveringMin: 80 },
        { weightSurveyTrust: 0, weightNps: 0, weightSentiment: 0, weightResponsiveness: 0, weightRevenue: 0, weightPromises: 0 },
        { lookbackMonths: 13 },
        { recentMonths: 7 },
        { weightRevenue: 101 },
      ]) {
        const res = await t.gql(UPDATE_TRUST_SETTINGS, { input }, admin.token);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
      }
      expect(await t.rowCount('audit_entries')).toBe(audits);
      expect(errorCode(await t.gql(UPDATE_TRUST_SETTINGS, { input: { weightNps: 10 } }, leadership.token))).toBe('FORBIDDEN');
      await t.ok(UPDATE_TRUST_SETTINGS, { input: { weightNps: 20, recoveredMin: 75 } }, admin.token);
    });
  });

  describe('the live trust index on a case', () => {
    const TRUST_PAGE = `query ($first: Int!, $crisisId: ID!) { recoveryCases(first: $first, crisisId: $crisisId) { edges { node { id
      trust { index band overdueItems reasons { code message points } components { component value weight share } latestScores { nps csat trust } preCrisisScores { trust } }
      trustHistory { monthIndex } } } } }`;

    it('explains itself from the recorded signals', async () => {
      const c = await customerCase(agent);
      await t.ok(
        RECORD_SURVEY_RESPONSES,
        {
          rows: [
            { caseId: c.caseId, kind: 'NPS', score: 3, respondedAt: minutesAgo(60) },
            { caseId: c.caseId, kind: 'TRUST', score: 5, respondedAt: minutesAgo(60) },
            { caseId: c.caseId, kind: 'TRUST', score: 4, respondedAt: '2026-05-01T00:00:00Z', isPreCrisis: true },
          ],
        },
        agent.token,
      );
      const data = await t.ok(TRUST_PAGE, { first: 100, crisisId }, leadership.token);
      const node = data.recoveryCases.edges.find((e: { node: { id: string } }) => e.node.id === c.caseId).node;
      // Trust 5 of 5 (weight 25), NPS detractor (weight 20): 25/45 of 100 = 55.6 -> 56.
      expect(node.trust).toMatchObject({ index: 56, band: 'RECOVERING', latestScores: { nps: 3, trust: 5, csat: null }, preCrisisScores: { trust: 4 } });
      expect(node.trust.reasons[0]).toEqual({ code: 'NPS_DETRACTOR', message: 'NPS detractor (latest score 3)', points: 44 });
      expect(node.trust.components.find((x: { component: string }) => x.component === 'SURVEY_TRUST')).toEqual({
        component: 'SURVEY_TRUST',
        value: 1,
        weight: 25,
        share: 25 / 45,
      });
      expect(node.trustHistory).toEqual([]);
    });

    it('costs the same number of statements for 5 cases as for 40', async () => {
      for (let i = 0; i < 40; i += 1) await customerCase(i % 2 ? agent : otherAgent);
      const run = (first: number) =>
        t.countQueries(async () => {
          const data = await t.ok(TRUST_PAGE, { first, crisisId }, leadership.token);
          expect(data.recoveryCases.edges).toHaveLength(first);
        });
      const five = await run(5);
      expect(await run(40)).toBe(five);
    });
  });
});
