import { INestApplicationContext } from '@nestjs/common';
import { CrisisPhase } from '../src/modules/crises/crisis.enums';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder, uniqueSuffix } from './support/factories';
import { countsOf, rejectedCsv, startImport, uploadCsv, waitForImport } from './support/import-operations';
import { errorCode, SignedIn, TestApp } from './support/test-app';
import { RECORD_REVENUE_MONTH, RECORD_SURVEY_RESPONSE } from './support/trust-operations';

const REVENUE_HEAD = 'external_ref,month,amount_minor,currency';
const SURVEY_HEAD = 'external_ref,contact_email,kind,score,responded_at,comment,is_pre_crisis';

/** REVENUE and SURVEYS imports through POST /imports and GraphQL, with a separate worker running them. */
describe('revenue and survey CSV imports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let leadership: SignedIn;
  let partnerManager: SignedIn;
  let comms: SignedIn;
  /** Started 2026-11-02T06:00Z (the factory's crisis). */
  let crisisId: string;

  const ds = () => t.dataSource;
  const ref = (label: string) => `${label}-${uniqueSuffix()}`;
  const upload = (token: string, csv: string, fields: Record<string, string>) => uploadCsv(t, token, csv, fields, 'signals.csv');
  const importFile = async (token: string, csv: string, fields: Record<string, string>) => {
    const uploaded = await upload(token, csv, fields);
    expect(uploaded.status).toBe(201);
    const started = await startImport(t, token, uploaded.body.import.id);
    expect(started.errors).toBeUndefined();
    return { dry: uploaded.body.import, done: await waitForImport(t, token, uploaded.body.import.id) };
  };
  const reasonsOf = async (importId: string) =>
    Object.fromEntries(
      (await ds().query(`SELECT line, column_name, reason FROM import_rejected_rows WHERE import_id = $1`, [importId])).map((r: any) => [
        r.line,
        `${r.column_name}: ${r.reason}`,
      ]),
    );
  const months = (stakeholderId: string) =>
    ds().query(`SELECT to_char(month, 'YYYY-MM') AS month, amount_minor, currency FROM stakeholder_revenue_months WHERE stakeholder_id = $1 ORDER BY month`, [
      stakeholderId,
    ]);
  /** A customer owned by `owner`, with a case in the crisis owned by `caseOwner` (when given). */
  const customer = async (label: string, owner: SignedIn | null, caseOwner: SignedIn | null = owner, baselineCurrency: string | null = 'EUR') => {
    const s = await makeStakeholder(ds(), {
      externalRef: ref(label),
      ownerId: owner?.id ?? null,
      baselineCurrency,
      baselineMonthlyRevenueMinor: baselineCurrency ? '100000' : null,
    });
    const c = caseOwner ? await makeCase(ds(), { crisisId, stakeholderId: s.id, ownerId: caseOwner.id }) : null;
    return { ...s, caseId: c?.id ?? null };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await t.startWorker();
    admin = await t.signInAdmin();
    [agent, otherAgent, leadership, partnerManager, comms] = await Promise.all([
      t.signInAs(UserRole.AGENT),
      t.signInAs(UserRole.AGENT),
      t.signInAs(UserRole.LEADERSHIP),
      t.signInAs(UserRole.PARTNER_MANAGER),
      t.signInAs(UserRole.COMMS),
    ]);
    crisisId = (await makeCrisis(ds())).id;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  describe('REVENUE', () => {
    it('imports good months and rejects every kind of bad value, unknown stakeholders and repeated months, auditing each month', async () => {
      const a = await customer('REV-A', null, null);
      const b = await customer('REV-B', null, null, null);
      const rows = [
        `${a.externalRef},2026-10,125000,EUR`,
        `${a.externalRef},2026-11-01,0130000,eur`,
        `${b.externalRef},2026-11,5000,USD`,
        `NO-SUCH-REF,2026-11,1,EUR`,
        `${a.externalRef},2026-11-15,1,EUR`,
        `${a.externalRef},2099-01,1,EUR`,
        `${a.externalRef},2026-09,12.50,EUR`,
        `${a.externalRef},2026-09,100,EURO`,
        `${a.externalRef},2026-09,100,USD`,
        `${a.externalRef},2026-10,999,EUR`,
        `${a.externalRef},2026-08,,EUR`,
      ];
      const { dry, done } = await importFile(admin.token, `${REVENUE_HEAD}\n${rows.join('\n')}\n`, { kind: 'REVENUE' });
      expect(dry).toMatchObject({ kind: 'REVENUE', status: 'VALIDATED', dryRun: { rowsTotal: 11, rowsRejected: 8, missingRequired: [] } });
      expect(countsOf(dry.dryRun.counts)).toEqual({ monthsCreated: 3, monthsUpdated: 0, monthsUnchanged: 0, monthsSkipped: 0 });
      expect(done).toMatchObject({ status: 'SUCCEEDED', result: { rowsTotal: 11, rowsRejected: 8 } });
      expect(countsOf(done.result.counts)).toMatchObject({ monthsCreated: 3, monthsUpdated: 0 });
      expect(await reasonsOf(done.id)).toEqual({
        5: expect.stringMatching(/^external_ref: external_ref NO-SUCH-REF is not a stakeholder in Regain/),
        6: 'month: month "2026-11-15" must be a calendar month such as 2026-03',
        7: 'month: 2099-01 has not started yet',
        8: expect.stringMatching(/^amount_minor: amount_minor "12.50" must be a whole number of minor units/),
        9: 'currency: currency "EURO" must be an ISO 4217 code of a currency such as EUR or USD (not XXX or another code that is no money)',
        10: `currency: ${a.name}'s baseline is in EUR; record its revenue in EUR, not USD`,
        11: "month: line 2 already gives this stakeholder's revenue for 2026-10",
        12: 'amount_minor: amount_minor is required',
      });
      expect(await months(a.id)).toEqual([
        { month: '2026-10', amount_minor: '125000', currency: 'EUR' },
        { month: '2026-11', amount_minor: '130000', currency: 'EUR' },
      ]);
      expect(await months(b.id)).toEqual([{ month: '2026-11', amount_minor: '5000', currency: 'USD' }]);
      const audit = await ds().query(
        `SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'REVENUE_MONTH_RECORDED' ORDER BY after->>'month'`,
        [a.id],
      );
      expect(audit).toEqual([
        { before: null, after: { month: '2026-10-01', amountMinor: '125000', currency: 'EUR', importId: done.id } },
        { before: null, after: { month: '2026-11-01', amountMinor: '130000', currency: 'EUR', importId: done.id } },
      ]);
      const file = await rejectedCsv(t, admin.token, done.id);
      expect(file.body.split('\n')[0]).toBe(`${REVENUE_HEAD},error_line,error_column,error_reason`);
      expect(file.body.trim().split('\n')).toHaveLength(9);
    });

    it('reads a ";" file with synonyms; against the database SKIP keeps a different month, UPDATE replaces it (audited), and the same file twice changes nothing', async () => {
      const c = await customer('REV-C', null, null);
      await t.ok(RECORD_REVENUE_MONTH, { input: { stakeholderId: c.id, month: '2026-09', amount: { amountMinor: '100', currency: 'EUR' } } }, admin.token);
      await t.ok(RECORD_REVENUE_MONTH, { input: { stakeholderId: c.id, month: '2026-10', amount: { amountMinor: '200', currency: 'EUR' } } }, admin.token);
      const csv = `Customer ID;Period;Revenue minor;Currency\n${c.externalRef};2026-09;100;EUR\n${c.externalRef};2026-10;250;EUR\n${c.externalRef};2026-11;300;EUR\n`;

      const skip = await importFile(admin.token, csv, { kind: 'REVENUE', duplicateMode: 'SKIP' });
      expect(skip.dry.dryRun.mapping.map((m: any) => m.column)).toEqual(['external_ref', 'month', 'amount_minor', 'currency']);
      expect(countsOf(skip.dry.dryRun.counts)).toEqual({ monthsCreated: 1, monthsUpdated: 0, monthsUnchanged: 1, monthsSkipped: 1 });
      expect(countsOf(skip.done.result.counts)).toEqual({ monthsCreated: 1, monthsUpdated: 0, monthsUnchanged: 1, monthsSkipped: 1 });
      expect((await months(c.id)).map((m: any) => m.amount_minor)).toEqual(['100', '200', '300']);

      const update = await importFile(admin.token, csv, { kind: 'REVENUE', duplicateMode: 'UPDATE' });
      expect(update.dry.dryRun.previouslyImported).toMatchObject([{ id: skip.done.id }]);
      expect(countsOf(update.done.result.counts)).toEqual({ monthsCreated: 0, monthsUpdated: 1, monthsUnchanged: 2, monthsSkipped: 0 });
      expect((await months(c.id)).map((m: any) => m.amount_minor)).toEqual(['100', '250', '300']);
      const [changed] = await ds().query(
        `SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'REVENUE_MONTH_RECORDED' AND after->>'importId' = $2`,
        [c.id, update.done.id],
      );
      expect(changed).toEqual({
        before: { month: '2026-10-01', amountMinor: '200', currency: 'EUR' },
        after: { month: '2026-10-01', amountMinor: '250', currency: 'EUR', importId: update.done.id },
      });

      const auditBefore = await t.rowCount('audit_entries');
      const updatedAt = await ds().query(`SELECT updated_at FROM stakeholder_revenue_months WHERE stakeholder_id = $1 ORDER BY month`, [c.id]);
      const again = await importFile(admin.token, csv, { kind: 'REVENUE', duplicateMode: 'UPDATE' });
      expect(countsOf(again.done.result.counts)).toEqual({ monthsCreated: 0, monthsUpdated: 0, monthsUnchanged: 3, monthsSkipped: 0 });
      expect(await ds().query(`SELECT updated_at FROM stakeholder_revenue_months WHERE stakeholder_id = $1 ORDER BY month`, [c.id])).toEqual(updatedAt);
      const since = await ds().query(`SELECT entity_type FROM audit_entries ORDER BY id OFFSET $1`, [auditBefore]);
      expect(new Set(since.map((a: any) => a.entity_type))).toEqual(new Set(['IMPORT']));
    });

    it('lets agents and partner managers import on their own stakeholders only, leadership and admins on any, comms not at all', async () => {
      const owned = await customer('REV-OWN', agent, null);
      const viaCase = await customer('REV-CASE', null, agent);
      const others = await customer('REV-OTHER', otherAgent, otherAgent);
      const csv = `${REVENUE_HEAD}\n${owned.externalRef},2026-10,1,EUR\n${viaCase.externalRef},2026-10,2,EUR\n${others.externalRef},2026-10,3,EUR\n`;

      const byAgent = await importFile(agent.token, csv, { kind: 'REVENUE' });
      expect(countsOf(byAgent.done.result.counts).monthsCreated).toBe(2);
      expect(await reasonsOf(byAgent.done.id)).toEqual({
        4: `external_ref: Only the owner of ${others.name} or of one of its cases, leadership or an admin may record its revenue`,
      });
      const partner = await makeStakeholder(ds(), { kind: StakeholderKind.PARTNER, externalRef: ref('REV-PM'), ownerId: partnerManager.id });
      const byPm = await importFile(partnerManager.token, `${REVENUE_HEAD}\n${partner.externalRef},2026-10,9,EUR\n${others.externalRef},2026-10,3,EUR\n`, { kind: 'REVENUE' });
      expect(byPm.done.result).toMatchObject({ rowsRejected: 1, counts: expect.arrayContaining([{ name: 'monthsCreated', value: 1 }]) });

      const byLeadership = await importFile(leadership.token, csv, { kind: 'REVENUE' });
      expect(countsOf(byLeadership.done.result.counts)).toMatchObject({ monthsCreated: 1, monthsUnchanged: 2 });
      expect(byLeadership.done.result.rowsRejected).toBe(0);

      expect(await upload(comms.token, csv, { kind: 'REVENUE' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      expect(errorCode(await t.gql(`{ imports { totalCount } }`, {}, comms.token))).toBe('FORBIDDEN');
      // A stakeholder import is still for admins and partner managers.
      expect((await upload(agent.token, 'external_ref,kind,name\nX,CUSTOMER,X\n', { kind: 'STAKEHOLDERS' })).status).toBe(403);
      // Each importer sees their own imports; only admins see everyone's.
      const listed = await t.ok(`{ imports { totalCount edges { node { id createdBy { email } } } } }`, {}, agent.token);
      expect(listed.imports.edges.map((e: any) => e.node.createdBy.email)).toEqual([agent.email]);
      expect(errorCode(await t.gql(`query ($id: ID!) { import(id: $id) { id } }`, { id: byLeadership.done.id }, agent.token))).toBe('FORBIDDEN');
      expect((await rejectedCsv(t, leadership.token, byAgent.done.id)).status).toBe(403);
    });

    it('takes no crisis and no case owner team, and an uploader demoted since cannot run it', async () => {
      const csv = `${REVENUE_HEAD}\nX,2026-10,1,EUR\n`;
      expect(await upload(admin.token, csv, { kind: 'REVENUE', crisisId })).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
      expect((await upload(admin.token, csv, { kind: 'REVENUE', caseOwnerTeamIds: agent.id })).status).toBe(400);

      const demoted = await t.signInAs(UserRole.LEADERSHIP);
      const uploaded = await upload(demoted.token, csv, { kind: 'REVENUE' });
      await ds().query(`UPDATE users SET role = 'COMMS' WHERE id = $1`, [demoted.id]);
      await startImport(t, admin.token, uploaded.body.import.id);
      const done = await waitForImport(t, admin.token, uploaded.body.import.id);
      expect(done).toMatchObject({ status: 'FAILED', failureReason: expect.stringContaining('can no longer import (COMMS)') });
    });
  });

  describe('SURVEYS', () => {
    it("imports responses on each stakeholder's case in the crisis and rejects every kind of bad value", async () => {
      const s1 = await customer('SUR-1', agent);
      const ann = await makeContact(ds(), s1.id, { email: 'Ann.Lee@example.com' });
      const s2 = await customer('SUR-2', agent, null);
      const r1 = s1.externalRef;
      const rows = [
        `${r1},ann.lee@EXAMPLE.com,NPS,9,2026-11-20T10:00:00Z,"Much better, thanks",`,
        `${r1},,csat,4,2026-11-21,,`,
        `${r1},,TRUST,3,2026-10-01T00:00:00Z,,true`,
        `${r1},,NPS,11,2026-11-20T10:00:00Z,,`,
        `${r1},,CES,3,2026-11-20T10:00:00Z,,`,
        `${r1},,NPS,5,2099-01-01T00:00:00Z,,`,
        `${r1},,NPS,5,2026-11-20T10:00:00,,`,
        `${r1},bob@example.com,NPS,5,2026-11-20T10:00:00Z,,`,
        `${s2.externalRef},,NPS,5,2026-11-20T10:00:00Z,,`,
        `NO-SUCH-REF,,NPS,5,2026-11-20T10:00:00Z,,`,
        `${r1},,NPS,5,2026-10-01T00:00:00Z,,false`,
        `${r1},,NPS,5,2026-11-25T00:00:00Z,,true`,
        `${r1},ann.lee@example.com,NPS,7,2026-11-20T11:00:00+01:00,,`,
        `${r1},,NPS,,2026-11-20T10:00:00Z,,`,
      ];
      const { dry, done } = await importFile(admin.token, `${SURVEY_HEAD}\n${rows.join('\n')}\n`, { kind: 'SURVEYS', crisisId });
      expect(dry.dryRun).toMatchObject({ rowsTotal: 14, rowsRejected: 11 });
      expect(countsOf(dry.dryRun.counts)).toEqual({ responsesCreated: 3, responsesUnchanged: 0, responsesSkipped: 0 });
      expect(done).toMatchObject({ status: 'SUCCEEDED', result: { rowsRejected: 11 } });
      expect(countsOf(done.result.counts)).toEqual({ responsesCreated: 3, responsesUnchanged: 0, responsesSkipped: 0 });
      expect(await reasonsOf(done.id)).toEqual({
        5: 'score: A NPS score is a whole number from 0 to 10, not 11',
        6: 'kind: kind "CES" is not one of NPS, CSAT, TRUST',
        7: expect.stringMatching(/^responded_at: responded_at .* is in the future /),
        8: expect.stringMatching(/^responded_at: .*has no time zone/),
        9: `contact_email: contact_email bob@example.com is not a contact of ${r1}`,
        10: expect.stringMatching(new RegExp(`^external_ref: ${s2.externalRef} has no recovery case in this import's crisis`)),
        11: expect.stringMatching(/^external_ref: external_ref NO-SUCH-REF is not a stakeholder in Regain/),
        12: 'is_pre_crisis: This response is from before the crisis started (2026-11-02T06:00:00.000Z); record it with isPreCrisis: true',
        13: 'is_pre_crisis: A pre-crisis response must be from before the crisis started (2026-11-02T06:00:00.000Z)',
        14: 'responded_at: line 2 already gives this response (the same stakeholder, contact, kind and responded_at)',
        15: 'score: score is required',
      });
      const stored = await ds().query(
        `SELECT case_id, stakeholder_id, contact_id, kind, score, responded_at, comment, is_pre_crisis, recorded_by_id
         FROM survey_responses WHERE stakeholder_id = $1 ORDER BY responded_at`,
        [s1.id],
      );
      const base = { case_id: s1.caseId, stakeholder_id: s1.id, recorded_by_id: admin.id };
      expect(stored).toEqual([
        { ...base, contact_id: null, kind: 'TRUST', score: 3, responded_at: new Date('2026-10-01T00:00:00Z'), comment: null, is_pre_crisis: true },
        { ...base, contact_id: ann.id, kind: 'NPS', score: 9, responded_at: new Date('2026-11-20T10:00:00Z'), comment: 'Much better, thanks', is_pre_crisis: false },
        { ...base, contact_id: null, kind: 'CSAT', score: 4, responded_at: new Date('2026-11-21T00:00:00Z'), comment: null, is_pre_crisis: false },
      ]);
    });

    it('leaves an identical response unchanged in both modes; a different one is skipped under SKIP and a CONFLICT under UPDATE; the same file twice changes nothing', async () => {
      const s = await customer('SUR-DUP', agent);
      const record = (kind: string, score: number, respondedAt: string) =>
        t.ok(RECORD_SURVEY_RESPONSE, { input: { caseId: s.caseId, kind, score, respondedAt } }, agent.token);
      await record('NPS', 6, '2026-11-22T09:00:00Z');
      await record('CSAT', 3, '2026-11-23T09:00:00Z');
      const csv = `${SURVEY_HEAD}\n${s.externalRef},,NPS,6,2026-11-22T10:00:00+01:00,,\n${s.externalRef},,CSAT,5,2026-11-23T09:00:00Z,,\n${s.externalRef},,TRUST,4,2026-11-24T09:00:00Z,,\n`;

      const skip = await importFile(agent.token, csv, { kind: 'SURVEYS', crisisId, duplicateMode: 'SKIP' });
      expect(countsOf(skip.done.result.counts)).toEqual({ responsesCreated: 1, responsesUnchanged: 1, responsesSkipped: 1 });
      const scores = () => ds().query(`SELECT kind, score FROM survey_responses WHERE case_id = $1 ORDER BY responded_at`, [s.caseId]);
      expect(await scores()).toEqual([{ kind: 'NPS', score: 6 }, { kind: 'CSAT', score: 3 }, { kind: 'TRUST', score: 4 }]);

      const update = await importFile(agent.token, csv, { kind: 'SURVEYS', crisisId, duplicateMode: 'UPDATE' });
      expect(countsOf(update.dry.dryRun.counts)).toEqual({ responsesCreated: 0, responsesUnchanged: 2, responsesSkipped: 0 });
      expect(update.done.result.rowsRejected).toBe(1);
      expect(await reasonsOf(update.done.id)).toEqual({
        3: "responded_at: This contact's CSAT response at 2026-11-23T09:00:00.000Z is already recorded with score 3",
      });

      const before = await t.rowCount('survey_responses');
      const again = await importFile(agent.token, csv, { kind: 'SURVEYS', crisisId, duplicateMode: 'SKIP' });
      expect(again.dry.dryRun.previouslyImported.length).toBeGreaterThan(0);
      expect(countsOf(again.done.result.counts)).toEqual({ responsesCreated: 0, responsesUnchanged: 2, responsesSkipped: 1 });
      expect(await t.rowCount('survey_responses')).toBe(before);
      expect(await scores()).toEqual([{ kind: 'NPS', score: 6 }, { kind: 'CSAT', score: 3 }, { kind: 'TRUST', score: 4 }]);
    });

    it('lets case owners import on their own cases, leadership on any, comms none; needs a crisis, which may be closed', async () => {
      const mine = await customer('SUR-MINE', otherAgent, agent);
      const theirs = await customer('SUR-THEIRS', agent, otherAgent);
      const csv = `${SURVEY_HEAD}\n${mine.externalRef},,NPS,8,2026-11-26T09:00:00Z,,\n${theirs.externalRef},,NPS,8,2026-11-26T09:00:00Z,,\n`;

      const byAgent = await importFile(agent.token, csv, { kind: 'SURVEYS', crisisId });
      expect(countsOf(byAgent.done.result.counts).responsesCreated).toBe(1);
      // The case decides, as for recordSurveyResponse: owning the stakeholder is not enough.
      expect(await reasonsOf(byAgent.done.id)).toEqual({
        3: `external_ref: Only the owner of case ${theirs.caseId}, leadership or an admin may record its signals`,
      });
      const byPm = await importFile(partnerManager.token, csv, { kind: 'SURVEYS', crisisId });
      expect(byPm.done.result.rowsRejected).toBe(2);

      const byLeadership = await importFile(leadership.token, csv, { kind: 'SURVEYS', crisisId });
      expect(countsOf(byLeadership.done.result.counts)).toEqual({ responsesCreated: 1, responsesUnchanged: 1, responsesSkipped: 0 });

      expect((await upload(comms.token, csv, { kind: 'SURVEYS', crisisId })).status).toBe(403);
      expect(await upload(admin.token, csv, { kind: 'SURVEYS' })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('needs crisisId') } } });

      const closed = await makeCrisis(ds(), { phase: CrisisPhase.CLOSED });
      const late = await customer('SUR-LATE', null, null);
      await makeCase(ds(), { crisisId: closed.id, stakeholderId: late.id, ownerId: agent.id });
      const afterClosing = await importFile(agent.token, `${SURVEY_HEAD}\n${late.externalRef},,TRUST,5,2026-11-27T09:00:00Z,,\n`, { kind: 'SURVEYS', crisisId: closed.id });
      expect(countsOf(afterClosing.done.result.counts).responsesCreated).toBe(1);
    });
  });
});
