import { ExportPool } from '../src/modules/exports/export-pool';
import { parse } from 'csv-parse/sync';
import { once } from 'node:events';
import { get, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CaseStatus, ImpactLevel } from '../src/modules/cases/case.enums';
import { RecoveryCaseEntity } from '../src/modules/cases/recovery-case.entity';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { CASE_READ_ONLY_HEADERS } from '../src/modules/exports/cases-export.query';
import { INTERACTION_EXPORT_HEADERS } from '../src/modules/exports/interactions-export.query';
import { STAKEHOLDER_CSV_COLUMNS, STAKEHOLDER_CSV_HEADERS } from '../src/modules/imports/stakeholder-csv-columns';
import { ContactChannel, StakeholderKind, StakeholderTier } from '../src/modules/stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../src/modules/stakeholders/stakeholder.entity';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { SignedIn, TestApp } from './support/test-app';

type Row = Record<string, string>;

const STAKEHOLDER_HEADERS = STAKEHOLDER_CSV_COLUMNS.filter((c) => c.section !== 'case').map((c) => c.name);
const SLA_QUERY = `query ($id: ID!) { recoveryCase(id: $id) { sla { goldenHours { state dueAt } reply { state dueAt } } } }`;

describe('CSV exports', () => {
  let t: TestApp;
  let roles: Record<UserRole, SignedIn>;
  let crisis: CrisisEntity;
  let otherCrisis: CrisisEntity;
  let alpha: StakeholderEntity;
  let formula: StakeholderEntity;
  let gamma: StakeholderEntity;
  let noRef: StakeholderEntity;
  let alphaCase: RecoveryCaseEntity;
  let gammaCase: RecoveryCaseEntity;
  let formulaCase: RecoveryCaseEntity;

  async function download(url: string, token: string | null = roles.ADMIN.token) {
    return t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  }

  /** Parses an export, checking it is UTF-8 with a byte-order mark and has exactly these headers. */
  async function rowsOf(url: string, headers: readonly string[], token?: string): Promise<Row[]> {
    const res = await download(url, token);
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(res.rawPayload, { bom: true });
    expect(records[0]).toEqual(headers);
    return records.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
  }

  async function interaction(caseId: string, direction: 'INBOUND' | 'OUTBOUND', occurredAt: Date, extra: Record<string, unknown> = {}) {
    const [row] = await t.dataSource.query(
      `INSERT INTO interactions (case_id, contact_id, channel, direction, occurred_at, actor_id, summary, outcome, sentiment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'REACHED', $8) RETURNING id`,
      [caseId, extra.contactId ?? null, extra.channel ?? 'PHONE', direction, occurredAt, roles.AGENT.id, extra.summary ?? 'Called about the outage', extra.sentiment ?? null],
    );
    return row.id as string;
  }

  async function compensation(caseId: string, status: 'PROPOSED' | 'APPROVED' | 'ISSUED' | 'ACCEPTED', valueMinor: string, currency = 'EUR') {
    const approved = status !== 'PROPOSED';
    const issued = status === 'ISSUED' || status === 'ACCEPTED';
    const answered = status === 'ACCEPTED';
    await t.dataSource.query(
      `INSERT INTO compensations (case_id, kind, status, value_minor, currency, proposed_by_id,
                                  approved_by_id, approved_at, issued_by_id, issued_at, responded_by_id, responded_at)
       VALUES ($1, 'SERVICE_CREDIT', $2, $3, $4, $5, $6, CASE WHEN $6::uuid IS NULL THEN NULL ELSE now() END,
               $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END, $8, CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END)`,
      [caseId, status, valueMinor, currency, roles.AGENT.id, approved ? roles.LEADERSHIP.id : null,
        issued ? roles.AGENT.id : null, answered ? roles.AGENT.id : null],
    );
  }

  beforeAll(async () => {
    t = await TestApp.start();
    roles = await t.signInEveryRole();
    crisis = await makeCrisis(t.dataSource);
    otherCrisis = await makeCrisis(t.dataSource);
    const ds = t.dataSource;
    alpha = await makeStakeholder(ds, { name: 'Alpha Foods', externalRef: 'CRM-ALPHA', ownerId: roles.AGENT.id, segment: 'Enterprise' });
    await makeContact(ds, alpha.id, { name: 'Bea Alpha', title: '=HYPERLINK("http://evil.example","x")', phone: '+49 30 1234567', email: 'bea@alpha.example', preferredChannel: ContactChannel.PHONE, isExecutive: true });
    await makeContact(ds, alpha.id, { name: 'Al Alpha', title: null, phone: null, email: 'al@alpha.example', preferredChannel: null });
    formula = await makeStakeholder(ds, { name: '=cmd|calc Holdings', externalRef: 'CRM-FORMULA', ownerId: roles.AGENT.id, doNotContact: true, baselineMonthlyRevenueMinor: null, baselineCurrency: null, region: null });
    gamma = await makeStakeholder(ds, {
      kind: StakeholderKind.PARTNER,
      name: 'Gamma Distribution',
      externalRef: 'PRM-GAMMA',
      ownerId: roles.PARTNER_MANAGER.id,
      tier: StakeholderTier.STRATEGIC,
      baselineMonthlyRevenueMinor: '9007199254740993',
      contractReference: 'PA-2024-77',
      contractStartDate: '2024-02-29',
      contractEndDate: '2027-12-31',
    });
    await makeContact(ds, gamma.id, { name: 'Gina Gamma', email: 'gina@gamma.example' });
    noRef = await makeStakeholder(ds, { name: 'Delta Retail', externalRef: null, ownerId: null });

    alphaCase = await makeCase(ds, { crisisId: crisis.id, stakeholderId: alpha.id, ownerId: roles.AGENT.id }, { impact: ImpactLevel.HIGH, estimatedLossMinor: '350000' });
    gammaCase = await makeCase(ds, { crisisId: crisis.id, stakeholderId: gamma.id, ownerId: roles.PARTNER_MANAGER.id }, { impact: ImpactLevel.LOW, status: CaseStatus.RECOVERING, description: '-5 units short, +2 damaged' });
    formulaCase = await makeCase(ds, { crisisId: otherCrisis.id, stakeholderId: formula.id, ownerId: roles.AGENT.id }, { impact: ImpactLevel.CRITICAL });

    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await interaction(alphaCase.id, 'OUTBOUND', minutesAgo(10), { summary: 'Apologised, offered credit', sentiment: -2 });
    await interaction(alphaCase.id, 'INBOUND', minutesAgo(5), { summary: '@channel they want a refund', channel: 'EMAIL', sentiment: 1 });
    await interaction(gammaCase.id, 'OUTBOUND', minutesAgo(3), { channel: 'VIDEO' });

    await compensation(alphaCase.id, 'ISSUED', '5000');
    await compensation(alphaCase.id, 'ACCEPTED', '700');
    await compensation(alphaCase.id, 'APPROVED', '2000');
    await compensation(alphaCase.id, 'PROPOSED', '999');
    await compensation(gammaCase.id, 'APPROVED', '1500', 'USD');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('stakeholders.csv', () => {
    it('has one row per contact in the import contract columns, a dated file name and guarded formulas', async () => {
      const res = await download('/exports/stakeholders.csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const today = new Date().toISOString().slice(0, 10);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="regain-stakeholders-${today}.csv"`);

      const rows = await rowsOf('/exports/stakeholders.csv', STAKEHOLDER_HEADERS);
      // By stakeholder name, then contact name; '=' sorts before letters.
      expect(rows.map((r) => [r.name, r.contact_name])).toEqual([
        ["'=cmd|calc Holdings", ''],
        ['Alpha Foods', 'Al Alpha'],
        ['Alpha Foods', 'Bea Alpha'],
        ['Delta Retail', ''],
        ['Gamma Distribution', 'Gina Gamma'],
      ]);
      expect(rows[2]).toEqual({
        external_ref: 'CRM-ALPHA',
        kind: 'CUSTOMER',
        name: 'Alpha Foods',
        segment: 'Enterprise',
        tier: 'STANDARD',
        region: alpha.region,
        time_zone: alpha.timeZone,
        owner_email: roles.AGENT.email,
        do_not_contact: 'false',
        baseline_monthly_revenue_minor: '1250000',
        baseline_currency: 'EUR',
        contract_reference: '',
        contract_start_date: '',
        contract_end_date: '',
        contact_name: 'Bea Alpha',
        contact_title: `'=HYPERLINK("http://evil.example","x")`,
        contact_email: 'bea@alpha.example',
        contact_phone: '+49 30 1234567',
        contact_preferred_channel: 'PHONE',
        contact_is_executive: 'true',
      });
      expect(rows[1]).toMatchObject({ contact_title: '', contact_phone: '', contact_preferred_channel: '', contact_is_executive: 'false' });
      expect(rows[0]).toMatchObject({ do_not_contact: 'true', baseline_monthly_revenue_minor: '', baseline_currency: '', region: '', contact_is_executive: '' });
      // Exact beyond 2^53, dates as written.
      expect(rows[4]).toMatchObject({
        kind: 'PARTNER',
        tier: 'STRATEGIC',
        owner_email: roles.PARTNER_MANAGER.email,
        baseline_monthly_revenue_minor: '9007199254740993',
        contract_reference: 'PA-2024-77',
        contract_start_date: '2024-02-29',
        contract_end_date: '2027-12-31',
      });
      // No external reference: exported empty (the import rejects such rows, see README).
      expect(rows[3]).toMatchObject({ name: noRef.name, external_ref: '', owner_email: '' });
    });

    it('takes the filters of the stakeholders list', async () => {
      const names = async (query: string) => (await rowsOf(`/exports/stakeholders.csv?${query}`, STAKEHOLDER_HEADERS)).map((r) => r.name);
      expect(await names('kind=PARTNER')).toEqual(['Gamma Distribution']);
      expect(await names('search=alph')).toEqual(['Alpha Foods', 'Alpha Foods']);
      expect(await names(`ownerId=${roles.AGENT.id}&segment=Enterprise`)).toEqual(['Alpha Foods', 'Alpha Foods']);
      expect(await names('tier=KEY')).toEqual([]);
      expect(await names('search=%25')).toEqual([]);
    });
  });

  describe('cases.csv', () => {
    const CASE_HEADERS = [...STAKEHOLDER_CSV_HEADERS, ...CASE_READ_ONLY_HEADERS];

    it('has one row per case and contact with the case columns, compensation totals and SLA states', async () => {
      const rows = await rowsOf('/exports/cases.csv', CASE_HEADERS);
      // Most urgent first, then oldest: all NORMAL, so in the order they were opened.
      expect(rows.map((r) => [r.case_id, r.contact_name])).toEqual([
        [alphaCase.id, 'Al Alpha'],
        [alphaCase.id, 'Bea Alpha'],
        [gammaCase.id, 'Gina Gamma'],
        [formulaCase.id, ''],
      ]);
      const alphaRow = rows[1];
      expect(alphaRow).toMatchObject({
        external_ref: 'CRM-ALPHA',
        contact_name: 'Bea Alpha',
        case_impact: 'HIGH',
        case_estimated_loss_minor: '350000',
        case_loss_currency: 'EUR',
        case_priority: 'NORMAL',
        case_owner_email: roles.AGENT.email,
        case_description: alphaCase.description,
        crisis_id: crisis.id,
        case_status: 'IDENTIFIED',
        opened_at: alphaCase.createdAt.toISOString(),
        compensation_currency: 'EUR',
        compensation_committed_minor: '2000',
        compensation_issued_minor: '5700',
        golden_hours_state: 'MET',
        reply_state: 'PENDING',
      });
      // Contact columns differ per row; the case columns repeat.
      expect(rows[0]).toMatchObject({ contact_name: 'Al Alpha', case_id: alphaCase.id, compensation_issued_minor: '5700' });
      // Compensation in another currency than the loss, and a leading minus that is text, not a number.
      expect(rows[2]).toMatchObject({
        case_status: 'RECOVERING',
        case_description: "'-5 units short, +2 damaged",
        compensation_currency: 'USD',
        compensation_committed_minor: '1500',
        compensation_issued_minor: '0',
        golden_hours_state: 'NOT_REQUIRED',
        golden_hours_due_at: '',
        reply_state: 'NOT_REQUIRED',
      });
      // No compensation: zero in the loss currency. Critical and never contacted, opened just now.
      expect(rows[3]).toMatchObject({
        name: "'=cmd|calc Holdings",
        crisis_id: otherCrisis.id,
        compensation_currency: 'EUR',
        compensation_committed_minor: '0',
        compensation_issued_minor: '0',
        golden_hours_state: 'PENDING',
      });
    });

    it('shows the SLA states and due times the case API shows', async () => {
      const rows = await rowsOf('/exports/cases.csv', CASE_HEADERS);
      for (const row of rows) {
        const { recoveryCase } = await t.ok<{ recoveryCase: { sla: Record<'goldenHours' | 'reply', { state: string; dueAt: string | null }> } }>(
          SLA_QUERY,
          { id: row.case_id },
          roles.ADMIN.token,
        );
        expect([row.golden_hours_state, row.golden_hours_due_at, row.reply_state, row.reply_due_at]).toEqual([
          recoveryCase.sla.goldenHours.state,
          recoveryCase.sla.goldenHours.dueAt ?? '',
          recoveryCase.sla.reply.state,
          recoveryCase.sla.reply.dueAt ?? '',
        ]);
      }
    });

    it('takes the filters of the recoveryCases list, lists as repeated or comma-separated parameters', async () => {
      const cases = async (query: string) => [...new Set((await rowsOf(`/exports/cases.csv?${query}`, CASE_HEADERS)).map((r) => r.case_id))];
      expect(await cases(`crisisId=${crisis.id}`)).toEqual([alphaCase.id, gammaCase.id]);
      expect(await cases('status=RECOVERING')).toEqual([gammaCase.id]);
      expect(await cases('status=RECOVERING,IDENTIFIED')).toEqual([alphaCase.id, gammaCase.id, formulaCase.id]);
      expect(await cases('impact=HIGH&impact=CRITICAL')).toEqual([alphaCase.id, formulaCase.id]);
      expect(await cases('stakeholderKind=PARTNER')).toEqual([gammaCase.id]);
      expect(await cases(`ownerId=${roles.AGENT.id}&crisisId=${otherCrisis.id}`)).toEqual([formulaCase.id]);
      expect(await cases('status=CHURNED')).toEqual([]);
    });
  });

  describe('interactions.csv', () => {
    it('has one row per interaction, oldest first, with case, stakeholder and who logged it', async () => {
      const rows = await rowsOf('/exports/interactions.csv', INTERACTION_EXPORT_HEADERS);
      expect(rows.map((r) => [r.case_id, r.direction, r.channel])).toEqual([
        [alphaCase.id, 'OUTBOUND', 'PHONE'],
        [alphaCase.id, 'INBOUND', 'EMAIL'],
        [gammaCase.id, 'OUTBOUND', 'VIDEO'],
      ]);
      const stored: { id: string; occurred_at: Date }[] = await t.dataSource.query(
        `SELECT id, occurred_at FROM interactions WHERE case_id = $1 ORDER BY occurred_at`,
        [alphaCase.id],
      );
      expect(rows[0]).toEqual({
        interaction_id: stored[0].id,
        occurred_at: stored[0].occurred_at.toISOString(),
        case_id: alphaCase.id,
        crisis_id: crisis.id,
        external_ref: 'CRM-ALPHA',
        stakeholder_name: 'Alpha Foods',
        contact_name: '',
        contact_email: '',
        channel: 'PHONE',
        direction: 'OUTBOUND',
        outcome: 'REACHED',
        sentiment: '-2',
        summary: 'Apologised, offered credit',
        follow_up_needed: 'false',
        logged_by_email: roles.AGENT.email,
        template_name: '',
        template_version: '',
      });
      expect(rows[1]).toMatchObject({ summary: "'@channel they want a refund", sentiment: '1' });
    });

    it('filters by crisis, case, stakeholder, owner, channel, direction and time', async () => {
      const ids = async (query: string) =>
        (await rowsOf(`/exports/interactions.csv?${query}`, INTERACTION_EXPORT_HEADERS)).map((r) => `${r.channel}/${r.direction}`);
      expect(await ids(`caseId=${gammaCase.id}`)).toEqual(['VIDEO/OUTBOUND']);
      expect(await ids(`stakeholderId=${alpha.id}&direction=INBOUND`)).toEqual(['EMAIL/INBOUND']);
      expect(await ids(`ownerId=${roles.PARTNER_MANAGER.id}`)).toEqual(['VIDEO/OUTBOUND']);
      expect(await ids('channel=PHONE,VIDEO')).toEqual(['PHONE/OUTBOUND', 'VIDEO/OUTBOUND']);
      expect(await ids(`crisisId=${otherCrisis.id}`)).toEqual([]);
      expect(await ids(`actorId=${roles.AGENT.id}&direction=OUTBOUND`)).toEqual(['PHONE/OUTBOUND', 'VIDEO/OUTBOUND']);
      const sevenMinutesAgo = new Date(Date.now() - 7 * 60_000).toISOString();
      expect(await ids(`occurredFrom=${sevenMinutesAgo}`)).toEqual(['EMAIL/INBOUND', 'VIDEO/OUTBOUND']);
      expect(await ids(`occurredTo=${encodeURIComponent(sevenMinutesAgo)}`)).toEqual(['PHONE/OUTBOUND']);
      expect(await ids('occurredTo=2020-01-01')).toEqual([]);
      expect(await ids(`occurredFrom=${encodeURIComponent('2020-01-01T00:00:00+02:00')}`)).toHaveLength(3);
    });
  });

  describe('access and bad filters', () => {
    const EXPORTS = ['/exports/stakeholders.csv', '/exports/cases.csv', '/exports/interactions.csv'];

    it.each(EXPORTS)('%s is open to every signed-in role, as the lists are', async (url) => {
      for (const role of Object.values(UserRole)) {
        const res = await download(url, roles[role].token);
        expect([role, res.statusCode]).toEqual([role, 200]);
      }
    });

    it.each(EXPORTS)('%s refuses a missing or invalid token with 401 UNAUTHENTICATED', async (url) => {
      for (const token of [null, 'not-a-token']) {
        const res = await download(url, token);
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      }
    });

    it.each([
      ['/exports/stakeholders.csv?kind=VENDOR', 'kind'],
      ['/exports/stakeholders.csv?ownerId=42', 'ownerId must be a UUID'],
      ['/exports/stakeholders.csv?first=10', 'first'],
      ['/exports/stakeholders.csv?segment=' + 'x'.repeat(61), 'segment'],
      ['/exports/cases.csv?status=OPEN', 'status'],
      ['/exports/cases.csv?status=IDENTIFIED,', 'status'],
      ['/exports/cases.csv?crisisId=yesterday', 'crisisId must be a UUID'],
      ['/exports/cases.csv?after=abc', 'after'],
      ['/exports/interactions.csv?channel=FAX', 'channel'],
      ['/exports/interactions.csv?occurredFrom=2026-11-01T09:00:00', 'occurredFrom must be an ISO 8601 date or a date-time with a time zone'],
      ['/exports/interactions.csv?occurredTo=2026-13-01', 'occurredTo'],
      ['/exports/interactions.csv?direction=SIDEWAYS', 'direction'],
    ])('%s is a 400 BAD_USER_INPUT naming the filter', async (url, mention) => {
      const res = await download(url);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(mention);
    });
  });

  describe('streaming', () => {
    it('streams more rows than one cursor batch, and gives each connection back to the pool', async () => {
      await t.dataSource.query(
        `INSERT INTO stakeholders (kind, name, tier, time_zone, external_ref, do_not_contact)
         SELECT 'CUSTOMER', 'Zeta Bulk ' || lpad(g::text, 5, '0'), 'STANDARD', 'UTC', 'BULK-' || g, false
           FROM generate_series(1, 2500) AS g`,
      );
      // More sequential exports than the pool has connections: a leaked connection would hang here.
      for (let i = 0; i < 12; i += 1) {
        const res = await download('/exports/stakeholders.csv?search=Zeta%20Bulk');
        expect(res.statusCode).toBe(200);
      }
      const rows = await rowsOf('/exports/stakeholders.csv?search=Zeta%20Bulk', STAKEHOLDER_HEADERS);
      expect(rows).toHaveLength(2500);
      expect(rows[0].name).toBe('Zeta Bulk 00001');
      expect(rows[2499]).toMatchObject({ name: 'Zeta Bulk 02500', external_ref: 'BULK-2500' });
    });

    it('closes the cursor and gives the connection back when the client goes away mid-download', async () => {
      // About 10 MB of CSV: more than the loopback socket buffers hold while the client does not read.
      await t.dataSource.query(
        `INSERT INTO stakeholders (kind, name, tier, time_zone, external_ref, do_not_contact, segment, region)
         SELECT 'CUSTOMER', 'Omega Abandoned ' || g, 'STANDARD', 'Europe/Berlin', 'OMEGA-' || g, false, repeat('s', 50), repeat('r', 50)
           FROM generate_series(1, 50000) AS g`,
      );
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
      const apiBusy = () => pool.totalCount - pool.idleCount;
      // The export streams from its own pool: a slow reader holds none of the API's connections (issue 19).
      const exportPool = t.app.get(ExportPool);
      const busy = () => exportPool.inUse();

      const request = get({ host: '127.0.0.1', port, path: '/exports/stakeholders.csv?search=Omega', headers: { authorization: `Bearer ${roles.AGENT.token}` } });
      const [response] = (await once(request, 'response')) as [IncomingMessage];
      expect(response.statusCode).toBe(200);
      await once(response, 'data');
      response.pause();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(busy()).toBe(1);
      expect(apiBusy()).toBe(0);

      request.destroy();
      for (let waited = 0; busy() > 0 && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(busy()).toBe(0);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND query LIKE '%WITH picked%'`,
      );
      expect(n).toBe(0);
    });
  });
});
