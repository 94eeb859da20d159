import { DataSource } from 'typeorm';
import { UserRole } from '../src/modules/users/user-role.enum';
import { TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { dashId, generateDashboardData, SOLO_SEGMENT } from '../bench/dashboard-data';
import { DashboardOracle, OracleScope } from './support/dashboard-oracle';
import { COMPARE_CRISES, CRISIS_DASHBOARD, sectionQuery } from './support/dashboard-operations';
import { KnownCrisis, makeKnownCrisis } from './support/dashboard-fixture';
import { makeCrisis } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const SIZE = { stakeholders: 90, cases: 120, interactions: 1500, surveys: 300, months: 12, crises: 3 };
const share = (numerator: number, denominator: number, basisPoints: number | null) => ({ numerator, denominator, basisPoints });
const money = (amountMinor: string, currency: string) => ({ amountMinor, currency });

describe('dashboards', () => {
  let t: TestApp;
  let ds: DataSource;
  let oracle: DashboardOracle;
  let roles: Record<UserRole, SignedIn>;
  let known: KnownCrisis;
  const generatedCrises = [0, 1, 2].map((c) => dashId('crisis', c));

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    oracle = new DashboardOracle(ds);
    roles = await t.signInEveryRole();
    await generateDashboardData((sql, params) => ds.query(sql, params), SIZE);
    known = await makeKnownCrisis(ds, roles.AGENT.id);
    // The partner manager signed in owns the generated partners of three of the five generated ones.
    await ds.query(`UPDATE stakeholders SET owner_id = $1 WHERE owner_id = ANY($2::uuid[])`, [
      roles.PARTNER_MANAGER.id,
      [11, 12, 13].map((u) => dashId('user', u)),
    ]);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  const dashboard = async (crisisId: string, filter: Record<string, unknown> | null, as: SignedIn = roles.LEADERSHIP, first = 100) =>
    (await t.ok<{ crisisDashboard: Record<string, any> }>(CRISIS_DASHBOARD, { crisisId, filter, first }, as.token)).crisisDashboard;

  async function expected(scope: OracleScope, first = 100) {
    return {
      response: await oracle.response(scope),
      cost: await oracle.cost(scope),
      recoveryCurve: await oracle.recoveryCurve(scope),
      timeToRecovery: await oracle.timeToRecovery(scope),
      atRisk: await oracle.atRisk(scope, first),
    };
  }

  describe('every figure equals the plain computation over the raw records', () => {
    const filters: [string, Record<string, unknown> | null][] = [
      ['no filter', null],
      ['partners', { stakeholderKind: 'PARTNER' }],
      ['customers in one segment', { stakeholderKind: 'CUSTOMER', segment: 'SMB' }],
      ['a region and two impacts', { region: 'EMEA', impact: ['HIGH', 'CRITICAL'] }],
      ['one owner', { ownerId: dashId('user', 3) }],
      ['a single-member segment', { segment: SOLO_SEGMENT }],
      ['an empty segment', { segment: 'NOBODY' }],
    ];
    for (const [name, filter] of filters) {
      it(`for each generated crisis, ${name}`, async () => {
        for (const crisisId of generatedCrises) {
          const got = await dashboard(crisisId, filter);
          const { crisisId: _id, crisisTitle: _title, ...sections } = got;
          expect(sections).toEqual(await expected({ crisisId, ...(filter ?? {}) } as OracleScope));
        }
      });
    }

    it('the generated data is rich enough for the comparison to mean something', async () => {
      const d = await dashboard(generatedCrises[0], null);
      expect(d.response.cases).toBeGreaterThan(20);
      expect(d.response.inboundAnsweredWithinSla.denominator).toBeGreaterThan(10);
      expect(d.response.contactedWithinGoldenHours.numerator).toBeGreaterThan(0);
      expect(d.response.contactedWithinGoldenHours.numerator).toBeLessThan(d.response.contactedWithinGoldenHours.denominator);
      expect(d.cost.compensationByKindAndStatus.length).toBeGreaterThan(4);
      expect(d.cost.byCurrency.map((c: { currency: string }) => c.currency)).toEqual(['EUR', 'USD']);
      expect(d.recoveryCurve).toHaveLength(12);
      expect(d.recoveryCurve.some((m: { promiseKept: { due: number } }) => m.promiseKept.due > 0)).toBe(true);
      expect(d.timeToRecovery.recoveredEver.numerator).toBeGreaterThan(0);
      expect(d.atRisk.length).toBeGreaterThan(0);
      const solo = await dashboard(dashId('crisis', 1 % SIZE.crises), { segment: SOLO_SEGMENT });
      expect(solo.response.cases).toBe(1);
    });
  });

  describe('a hand-worked crisis', () => {
    it('response: statuses, golden hours, median first contact, replies within SLA, consistency', async () => {
      const d = await dashboard(known.crisisId, null);
      expect(d.response).toEqual({
        cases: 5,
        casesByStatus: [
          { status: 'IDENTIFIED', count: 2 },
          { status: 'CONTACTED', count: 3 },
          { status: 'COMPENSATING', count: 0 },
          { status: 'RECOVERING', count: 0 },
          { status: 'RECOVERED', count: 0 },
          { status: 'CHURNED', count: 0 },
        ],
        // c1 met (3 h), c2 missed (5 h), c5 missed (never); c3 is still inside its 4 h, c4 is LOW.
        contactedWithinGoldenHours: share(1, 3, 3333),
        // 1 h (c4), 3 h (c1), 5 h (c2).
        medianSecondsToFirstContact: 10800,
        // c1's two (2 h later, and at the same instant) met; c2's (30 h) and c5's (never) missed; c4's is an hour old.
        inboundAnsweredWithinSla: share(2, 4, 5000),
        // Six outbound, four with the approved version.
        outboundWithApprovedTemplate: share(4, 6, 6666),
      });
    });

    it('cost: by kind and status, against loss, and retained revenue per unit given', async () => {
      const d = await dashboard(known.crisisId, null);
      expect(d.cost).toEqual({
        compensationByKindAndStatus: [
          { kind: 'REFUND', status: 'PROPOSED', count: 1, total: money('300', 'USD') },
          { kind: 'REFUND', status: 'ISSUED', count: 1, total: money('10000', 'EUR') },
          { kind: 'SERVICE_CREDIT', status: 'ACCEPTED', count: 1, total: money('5000', 'EUR') },
          { kind: 'SERVICE_CREDIT', status: 'DECLINED', count: 1, total: money('700', 'EUR') },
        ],
        byCurrency: [
          {
            currency: 'EUR',
            estimatedLoss: money('60000', 'EUR'),
            compensationGiven: money('15000', 'EUR'),
            lossRatioBasisPoints: '2500',
            retainedRevenue: money('6000', 'EUR'),
            retainedRevenuePerCompensationBasisPoints: '4000',
          },
          {
            currency: 'USD',
            estimatedLoss: money('1000', 'USD'),
            compensationGiven: money('0', 'USD'),
            lossRatioBasisPoints: '0',
            retainedRevenue: money('500', 'USD'),
            retainedRevenuePerCompensationBasisPoints: null,
          },
        ],
      });
    });

    it('recovery curve: per month cases, trust, NPS, CSAT, revenue against baseline, retention, promises kept', async () => {
      const d = await dashboard(known.crisisId, null);
      const revenue = (currency: string, r: string, b: string, bp: string) => ({
        currency,
        revenue: money(r, currency),
        baseline: money(b, currency),
        shareBasisPoints: bp,
      });
      expect(d.recoveryCurve).toEqual([
        {
          monthIndex: 0,
          cases: 3,
          averageTrustIndex: 33.33,
          nps: { respondents: 2, promoters: 0, passives: 1, detractors: 1, score: -50 },
          averageCsat: 2.5,
          revenueVsBaseline: [revenue('EUR', '1000', '4000', '2500'), revenue('USD', '500', '1000', '5000')],
          retention: share(3, 3, 10000),
          promiseKept: { kept: 1, due: 1, rate: 1 },
        },
        {
          monthIndex: 1,
          cases: 2,
          averageTrustIndex: 35,
          nps: { respondents: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
          averageCsat: 4,
          revenueVsBaseline: [revenue('EUR', '2000', '4000', '5000')],
          retention: share(1, 2, 5000),
          promiseKept: { kept: 0, due: 0, rate: null },
        },
        {
          monthIndex: 2,
          cases: 1,
          averageTrustIndex: 80,
          nps: { respondents: 1, promoters: 1, passives: 0, detractors: 0, score: 100 },
          averageCsat: 5,
          revenueVsBaseline: [revenue('EUR', '3000', '4000', '7500')],
          retention: share(1, 1, 10000),
          promiseKept: { kept: 0, due: 0, rate: null },
        },
      ]);
    });

    it('time to recovery: fewer than half ever recovered, so no median; a one-case group has one', async () => {
      const all = await dashboard(known.crisisId, null);
      // Recovered in month 0 (c4) and month 2 (c1) out of five cases.
      expect(all.timeToRecovery).toEqual({
        cases: 5,
        medianMonths: null,
        recoveredBy3Months: share(2, 5, 4000),
        recoveredBy6Months: share(2, 5, 4000),
        recoveredBy12Months: share(2, 5, 4000),
        recoveredEver: share(2, 5, 4000),
      });
      const low = await dashboard(known.crisisId, { impact: ['LOW'] });
      expect(low.timeToRecovery).toEqual({
        cases: 1,
        medianMonths: 0,
        recoveredBy3Months: share(1, 1, 10000),
        recoveredBy6Months: share(1, 1, 10000),
        recoveredBy12Months: share(1, 1, 10000),
        recoveredEver: share(1, 1, 10000),
      });
    });

    it('at risk: only open cases whose latest snapshot is AT_RISK, with their reasons', async () => {
      const d = await dashboard(known.crisisId, null);
      expect(d.atRisk).toEqual([
        {
          caseId: known.cases.c2,
          stakeholderId: expect.any(String),
          stakeholderName: 'Known c2',
          ownerId: roles.AGENT.id,
          status: 'CONTACTED',
          monthIndex: 1,
          trustIndex: 10,
          band: 'AT_RISK',
          reasons: [{ code: 'NO_REPLY', message: 'No answer for 30 days', points: 20 }],
        },
      ]);
    });

    it('an empty group gives zeros, empty lists and nulls, never a division by zero', async () => {
      const d = await dashboard(known.crisisId, { segment: 'KNOWN', region: 'SOUTH' });
      expect(d.response).toEqual({
        cases: 0,
        casesByStatus: ['IDENTIFIED', 'CONTACTED', 'COMPENSATING', 'RECOVERING', 'RECOVERED', 'CHURNED'].map((status) => ({ status, count: 0 })),
        contactedWithinGoldenHours: share(0, 0, null),
        medianSecondsToFirstContact: null,
        inboundAnsweredWithinSla: share(0, 0, null),
        outboundWithApprovedTemplate: share(0, 0, null),
      });
      expect(d.cost).toEqual({ compensationByKindAndStatus: [], byCurrency: [] });
      expect(d.recoveryCurve).toEqual([]);
      expect(d.timeToRecovery).toEqual({
        cases: 0,
        medianMonths: null,
        recoveredBy3Months: share(0, 0, null),
        recoveredBy6Months: share(0, 0, null),
        recoveredBy12Months: share(0, 0, null),
        recoveredEver: share(0, 0, null),
      });
      expect(d.atRisk).toEqual([]);
    });
  });

  it('compares two crises side by side, in the order asked, with the same filter', async () => {
    const filter = { stakeholderKind: 'CUSTOMER' };
    const { compareCrises } = await t.ok<{ compareCrises: Record<string, unknown>[] }>(
      COMPARE_CRISES,
      { crisisIds: [known.crisisId, generatedCrises[1]], filter, first: 100 },
      roles.ADMIN.token,
    );
    expect(compareCrises).toEqual([await dashboard(known.crisisId, filter), await dashboard(generatedCrises[1], filter)]);
    expect(compareCrises[0].crisisTitle).toBe('Known crisis');
  });

  it('runs one statement per section, however many cases the crisis has', async () => {
    const count = (crisisId: string) => t.countQueries(() => dashboard(crisisId, { stakeholderKind: 'CUSTOMER' }));
    const titleOnly = await t.countQueries(() =>
      t.ok(`query ($id: ID!) { crisisDashboard(crisisId: $id) { crisisTitle } }`, { id: known.crisisId }, roles.LEADERSHIP.token),
    );
    const small = await count(known.crisisId);
    const large = await count(generatedCrises[0]);
    expect(small - titleOnly).toBe(5);
    expect(large).toBe(small);
  });

  it('opens a dashboard again on a crisis already seen without a statement of its own', async () => {
    const opened = `query ($id: ID!) { crisisDashboard(crisisId: $id) { crisisId } }`;
    await t.ok(opened, { id: known.crisisId }, roles.LEADERSHIP.token);
    const stranger = await makeCrisis(t.dataSource, { title: 'Not seen yet' });
    // The signed-in user is kept by now (see auth-user-cache.e2e-spec): what is left is the crisis.
    expect(await t.countQueries(() => t.ok(opened, { id: known.crisisId }, roles.LEADERSHIP.token))).toBe(0);
    expect(await t.countQueries(() => t.ok(opened, { id: stranger.id }, roles.LEADERSHIP.token))).toBe(1);
    expect(await t.countQueries(() => t.ok(opened, { id: stranger.id }, roles.LEADERSHIP.token))).toBe(0);
  });

  describe('roles', () => {
    it('leadership and admins see the whole crisis', async () => {
      const all = await expected({ crisisId: generatedCrises[0] });
      for (const role of [UserRole.LEADERSHIP, UserRole.ADMIN]) {
        const { crisisId: _id, crisisTitle: _title, ...sections } = await dashboard(generatedCrises[0], null, roles[role]);
        expect(sections).toEqual(all);
      }
    });

    it('a partner manager sees only the partners they own, whatever the filter asks', async () => {
      const pm = roles.PARTNER_MANAGER;
      for (const crisisId of generatedCrises) {
        const { crisisId: _id, crisisTitle: _title, ...sections } = await dashboard(crisisId, null, pm);
        const mine = await expected({ crisisId, stakeholderKind: 'PARTNER', stakeholderOwnerId: pm.id });
        expect(sections).toEqual(mine);
        const filtered = await dashboard(crisisId, { stakeholderKind: 'PARTNER', region: 'AMER' }, pm);
        expect(filtered.response).toEqual(await oracle.response({ crisisId, stakeholderKind: 'PARTNER', region: 'AMER', stakeholderOwnerId: pm.id }));
      }
      const whole = await dashboard(generatedCrises[0], null);
      const own = await dashboard(generatedCrises[0], null, pm);
      expect(own.response.cases).toBeGreaterThan(0);
      expect(own.response.cases).toBeLessThan(whole.response.cases);
      // Someone else's partners and the customers stay out.
      const other = await t.signInAs(UserRole.PARTNER_MANAGER);
      expect((await dashboard(generatedCrises[0], null, other)).response.cases).toBe(0);
      const customers = await t.gql(CRISIS_DASHBOARD, { crisisId: generatedCrises[0], filter: { stakeholderKind: 'CUSTOMER' } }, pm.token);
      expect(errorCode(customers)).toBe('FORBIDDEN');
    });

    it('agents and comms are refused, and so is anyone not signed in', async () => {
      for (const role of [UserRole.AGENT, UserRole.COMMS]) {
        expect(errorCode(await t.gql(CRISIS_DASHBOARD, { crisisId: known.crisisId }, roles[role].token))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(COMPARE_CRISES, { crisisIds: [known.crisisId, generatedCrises[0]] }, roles[role].token))).toBe(
          'FORBIDDEN',
        );
      }
      expect(errorCode(await t.gql(CRISIS_DASHBOARD, { crisisId: known.crisisId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('bad filters', () => {
    const leader = () => roles.LEADERSHIP.token;
    it('an unknown crisis is NOT_FOUND, also in a comparison', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const one = await t.gql(CRISIS_DASHBOARD, { crisisId: missing }, leader());
      expect(errorCode(one)).toBe('NOT_FOUND');
      expect(one.errors![0].message).toContain(missing);
      expect(errorCode(await t.gql(COMPARE_CRISES, { crisisIds: [known.crisisId, missing] }, leader()))).toBe('NOT_FOUND');
    });

    it('a comparison needs two different crises', async () => {
      for (const crisisIds of [[known.crisisId, known.crisisId], [known.crisisId], [known.crisisId, generatedCrises[0], generatedCrises[1]]]) {
        const result = await t.gql(COMPARE_CRISES, { crisisIds }, leader());
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].message).toMatch(/crisisIds must name (exactly two|two different) crises/);
      }
    });

    it('bad ids, enums, lengths and page sizes are BAD_USER_INPUT', async () => {
      const bad: Record<string, unknown>[] = [
        { crisisId: 'not-a-uuid' },
        { crisisId: known.crisisId, filter: { impact: ['HUGE'] } },
        { crisisId: known.crisisId, filter: { stakeholderKind: 'VENDOR' } },
        { crisisId: known.crisisId, filter: { ownerId: 'someone' } },
        { crisisId: known.crisisId, filter: { segment: 'x'.repeat(61) } },
        { crisisId: known.crisisId, filter: { impact: ['LOW', 'LOW'] } },
        { crisisId: known.crisisId, first: 0 },
        { crisisId: known.crisisId, first: 101 },
      ];
      for (const variables of bad) {
        const result = await t.gql(sectionQuery('atRisk'), variables, leader());
        expect({ variables, code: errorCode(result) }).toEqual({ variables, code: 'BAD_USER_INPUT' });
      }
    });
  });

  describe('CSV', () => {
    const get = (path: string, token?: string) =>
      t.app.inject({ method: 'GET', url: path, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const lines = (body: string) => body.trimEnd().split('\r\n');

    it('gives the same figures as the API, one file per section, with the same filters', async () => {
      const leader = roles.LEADERSHIP.token;
      const response = await get(`/dashboards/${known.crisisId}/response.csv`, leader);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="crisis-${known.crisisId}-response.csv"`);
      expect(lines(response.body)).toEqual([
        'figure,value,numerator,denominator,basis_points',
        'cases,5,,,',
        'cases_identified,2,,,',
        'cases_contacted,3,,,',
        'cases_compensating,0,,,',
        'cases_recovering,0,,,',
        'cases_recovered,0,,,',
        'cases_churned,0,,,',
        'contacted_within_golden_hours,,1,3,3333',
        'median_seconds_to_first_contact,10800,,,',
        'inbound_answered_within_sla,,2,4,5000',
        'outbound_with_approved_template,,4,6,6666',
      ]);
      expect(lines((await get(`/dashboards/${known.crisisId}/compensation.csv`, leader)).body)).toEqual([
        'kind,status,currency,count,total_minor',
        'REFUND,PROPOSED,USD,1,300',
        'REFUND,ISSUED,EUR,1,10000',
        'SERVICE_CREDIT,ACCEPTED,EUR,1,5000',
        'SERVICE_CREDIT,DECLINED,EUR,1,700',
      ]);
      expect(lines((await get(`/dashboards/${known.crisisId}/cost.csv`, leader)).body)).toEqual([
        'currency,estimated_loss_minor,compensation_given_minor,loss_ratio_basis_points,retained_revenue_minor,retained_revenue_per_compensation_basis_points',
        'EUR,60000,15000,2500,6000,4000',
        'USD,1000,0,0,500,',
      ]);
      expect(lines((await get(`/dashboards/${known.crisisId}/recovery-curve.csv`, leader)).body)).toEqual([
        'month_index,cases,average_trust_index,nps_respondents,nps_promoters,nps_passives,nps_detractors,nps_score,average_csat,' +
          'retained_cases,retention_basis_points,promises_kept,promises_due,' +
          'revenue_EUR_minor,baseline_EUR_minor,revenue_share_EUR_basis_points,revenue_USD_minor,baseline_USD_minor,revenue_share_USD_basis_points',
        '0,3,33.33,2,0,1,1,-50,2.5,3,10000,1,1,1000,4000,2500,500,1000,5000',
        '1,2,35,2,1,0,1,0,4,1,5000,0,0,2000,4000,5000,,,',
        '2,1,80,1,1,0,0,100,5,1,10000,0,0,3000,4000,7500,,,',
      ]);
      expect(lines((await get(`/dashboards/${known.crisisId}/time-to-recovery.csv?impact=LOW`, leader)).body)).toEqual([
        'figure,value,numerator,denominator,basis_points',
        'cases,1,,,',
        'median_months,0,,,',
        'recovered_by_3_months,,1,1,10000',
        'recovered_by_6_months,,1,1,10000',
        'recovered_by_12_months,,1,1,10000',
        'recovered_ever,,1,1,10000',
      ]);
      expect(lines((await get(`/dashboards/${known.crisisId}/at-risk.csv?first=5`, leader)).body)).toEqual([
        'case_id,stakeholder_id,stakeholder_name,owner_id,status,month_index,trust_index,band,reasons',
        expect.stringMatching(new RegExp(`^${known.cases.c2},[0-9a-f-]{36},Known c2,${roles.AGENT.id},CONTACTED,1,10,AT_RISK,NO_REPLY: No answer for 30 days \\(20\\)$`)),
      ]);
      // Filters as query parameters: repeated or comma-separated impacts, and the generated data against the API.
      const api = await dashboard(generatedCrises[0], { impact: ['HIGH', 'CRITICAL'], region: 'APAC' });
      for (const query of ['impact=HIGH,CRITICAL&region=APAC', 'impact=HIGH&impact=CRITICAL&region=APAC']) {
        const csv = lines((await get(`/dashboards/${generatedCrises[0]}/response.csv?${query}`, leader)).body);
        expect(csv[1]).toBe(`cases,${api.response.cases},,,`);
        const golden = api.response.contactedWithinGoldenHours;
        expect(csv[8]).toBe(`contacted_within_golden_hours,,${golden.numerator},${golden.denominator},${golden.basisPoints ?? ''}`);
      }
    });

    it('a partner manager gets only their own partners in CSV too', async () => {
      const pm = roles.PARTNER_MANAGER;
      const api = await dashboard(generatedCrises[1], null, pm);
      expect(api.response.cases).toBeGreaterThan(0);
      const csv = lines((await get(`/dashboards/${generatedCrises[1]}/response.csv`, pm.token)).body);
      expect(csv[1]).toBe(`cases,${api.response.cases},,,`);
      expect(api.response.cases).toBe((await oracle.response({ crisisId: generatedCrises[1], stakeholderKind: 'PARTNER', stakeholderOwnerId: pm.id })).cases);
      const customers = await get(`/dashboards/${generatedCrises[1]}/response.csv?stakeholderKind=CUSTOMER`, pm.token);
      expect(customers.statusCode).toBe(403);
      expect(customers.json().error.code).toBe('FORBIDDEN');
    });

    it('answers failures with the status and a JSON body with the same codes as GraphQL', async () => {
      const leader = roles.LEADERSHIP.token;
      const cases: [string, string | undefined, number, string][] = [
        [`/dashboards/${known.crisisId}/response.csv`, undefined, 401, 'UNAUTHENTICATED'],
        [`/dashboards/${known.crisisId}/response.csv`, 'not-a-token', 401, 'UNAUTHENTICATED'],
        [`/dashboards/${known.crisisId}/response.csv`, roles.AGENT.token, 403, 'FORBIDDEN'],
        [`/dashboards/${known.crisisId}/response.csv`, roles.COMMS.token, 403, 'FORBIDDEN'],
        [`/dashboards/00000000-0000-4000-8000-000000000000/response.csv`, leader, 404, 'NOT_FOUND'],
        [`/dashboards/not-a-uuid/response.csv`, leader, 400, 'BAD_USER_INPUT'],
        [`/dashboards/${known.crisisId}/everything.csv`, leader, 400, 'BAD_USER_INPUT'],
        [`/dashboards/${known.crisisId}/response.csv?impact=HUGE`, leader, 400, 'BAD_USER_INPUT'],
        [`/dashboards/${known.crisisId}/response.csv?stakeholderKind=VENDOR`, leader, 400, 'BAD_USER_INPUT'],
        [`/dashboards/${known.crisisId}/response.csv?colour=red`, leader, 400, 'BAD_USER_INPUT'],
        [`/dashboards/${known.crisisId}/at-risk.csv?first=1000`, leader, 400, 'BAD_USER_INPUT'],
      ];
      for (const [path, token, status, code] of cases) {
        const response = await get(path, token);
        expect({ path, status: response.statusCode, code: response.json().error.code }).toEqual({ path, status, code });
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(typeof response.json().error.message).toBe('string');
      }
    });
  });
});

describe('dashboards: what the triggers keep follows its sources', () => {
  let t: TestApp;
  let leader: SignedIn;
  const crisisId = dashId('crisis', 0);

  beforeAll(async () => {
    t = await TestApp.start();
    leader = await t.signInAs(UserRole.LEADERSHIP);
    await generateDashboardData((sql, params) => t.dataSource.query(sql, params), SIZE);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  const response = async () =>
    (await t.ok<{ crisisDashboard: { response: unknown } }>(sectionQuery('response'), { crisisId }, leader.token)).crisisDashboard.response;

  it('the response facts, after inserts, updates and deletes of interactions, one row or many at a time', async () => {
    const oracle = new DashboardOracle(t.dataSource);
    const before = await response();
    const caseId = dashId('case', 3);
    // A late reply to every inbound message of one case, then moving and deleting interactions in bulk.
    await t.dataSource.query(
      `INSERT INTO interactions (case_id, channel, direction, occurred_at, actor_id, summary, outcome)
       SELECT case_id, 'PHONE', 'OUTBOUND', occurred_at + interval '30 hours', actor_id, 'Late reply', 'REACHED'
         FROM interactions WHERE case_id = $1 AND direction = 'INBOUND'`,
      [caseId],
    );
    expect(await response()).toEqual(await oracle.response({ crisisId }));
    await t.dataSource.query(
      `UPDATE interactions SET occurred_at = occurred_at - interval '2 days'
        WHERE direction = 'OUTBOUND' AND case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1 ORDER BY id LIMIT 10)`,
      [crisisId],
    );
    expect(await response()).toEqual(await oracle.response({ crisisId }));
    await t.dataSource.query(
      `DELETE FROM interactions WHERE direction = 'OUTBOUND' AND case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1 ORDER BY id DESC LIMIT 10)`,
      [crisisId],
    );
    const after = await response();
    expect(after).toEqual(await oracle.response({ crisisId }));
    expect(after).not.toEqual(before);
  });

  const MEASURES = `sum(cases)::int AS cases, sum(trust_sum)::int AS trust_sum, sum(nps_respondents)::int AS nps, sum(promoters)::int AS promoters,
    sum(detractors)::int AS detractors, sum(csat_count)::int AS csat_count, sum(csat_sum)::int AS csat_sum, sum(retained)::int AS retained,
    sum(revenue_count)::int AS revenue_count, sum(revenue_sum)::text AS revenue_sum, sum(paired_count)::int AS paired_count,
    sum(paired_revenue_sum)::text AS paired_revenue_sum, sum(paired_baseline_sum)::text AS paired_baseline_sum`;
  /** The rollups as stored (empty groups left out), and as computed afresh from every snapshot. */
  const stored = () =>
    t.dataSource.query(`SELECT crisis_id, stakeholder_kind, month_index, currency, ${MEASURES} FROM crisis_trust_months
                         GROUP BY 1, 2, 3, 4 HAVING sum(cases) > 0 ORDER BY 1, 2, 3, 4`);
  const recomputed = () =>
    t.dataSource.query(`
      SELECT crisis_id, stakeholder_kind, month_index, currency, ${MEASURES}
        FROM (SELECT s.crisis_id, st.kind AS stakeholder_kind, s.month_index, coalesce(s.currency, '')::text AS currency, 1 AS cases,
                     s.trust_index AS trust_sum, (s.latest_nps IS NOT NULL)::int AS nps_respondents, coalesce((s.latest_nps >= 9)::int, 0) AS promoters,
                     coalesce((s.latest_nps <= 6)::int, 0) AS detractors, (s.latest_csat IS NOT NULL)::int AS csat_count, coalesce(s.latest_csat, 0) AS csat_sum,
                     (s.case_status <> 'CHURNED')::int AS retained, (s.revenue_minor IS NOT NULL)::int AS revenue_count,
                     coalesce(s.revenue_minor, 0) AS revenue_sum, (s.revenue_minor IS NOT NULL AND s.baseline_minor IS NOT NULL)::int AS paired_count,
                     CASE WHEN s.baseline_minor IS NOT NULL THEN coalesce(s.revenue_minor, 0) ELSE 0 END AS paired_revenue_sum,
                     CASE WHEN s.revenue_minor IS NOT NULL THEN coalesce(s.baseline_minor, 0) ELSE 0 END AS paired_baseline_sum
                FROM case_trust_snapshots s JOIN stakeholders st ON st.id = s.stakeholder_id) g
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  const summaries = () =>
    t.dataSource.query(`SELECT case_id, crisis_id, latest_month_index, latest_trust_index, latest_band, latest_reasons, first_recovered_month_index,
                               month_indexes FROM case_trust_summaries ORDER BY case_id`);
  const summariesRecomputed = () =>
    t.dataSource.query(`
      SELECT DISTINCT ON (case_id) case_id, crisis_id, month_index AS latest_month_index, trust_index AS latest_trust_index,
             band AS latest_band, reasons AS latest_reasons,
             min(month_index) FILTER (WHERE case_status = 'RECOVERED') OVER (PARTITION BY case_id) AS first_recovered_month_index,
             (SELECT array_agg(m.month_index ORDER BY m.month_index) FROM case_trust_snapshots m WHERE m.case_id = s.case_id) AS month_indexes
        FROM case_trust_snapshots s ORDER BY case_id, month_index DESC`);
  const sections = async (filter: Record<string, unknown> | null) => {
    const { recoveryCurve, cost, timeToRecovery, atRisk } = (
      await t.ok<{ crisisDashboard: Record<string, unknown> }>(CRISIS_DASHBOARD, { crisisId, filter, first: 100 }, leader.token)
    ).crisisDashboard;
    return { recoveryCurve, cost, timeToRecovery, atRisk };
  };
  const oracleSections = async (oracle: DashboardOracle, scope: OracleScope) => ({
    recoveryCurve: await oracle.recoveryCurve(scope),
    cost: await oracle.cost(scope),
    timeToRecovery: await oracle.timeToRecovery(scope),
    atRisk: await oracle.atRisk(scope, 100),
  });
  const allTrue = async () => {
    expect(await stored()).toEqual(await recomputed());
    expect(await summaries()).toEqual(await summariesRecomputed());
    const oracle = new DashboardOracle(t.dataSource);
    for (const filter of [null, { stakeholderKind: 'CUSTOMER' }, { stakeholderKind: 'PARTNER' }]) {
      expect(await sections(filter)).toEqual(await oracleSections(oracle, { crisisId, ...(filter ?? {}) } as OracleScope));
    }
  };

  it('the trust rollups and summaries, after inserts, updates and deletes of snapshots, one row or many at a time, and the job in concurrent batches', async () => {
    const before = await sections(null);
    await allTrue();
    // Many rows move between groups: other statuses, currencies and months' revenue, and recovered cases.
    await t.dataSource.query(`
      UPDATE case_trust_snapshots SET trust_index = 100 - trust_index, latest_nps = CASE WHEN latest_nps IS NULL THEN 9 END,
             case_status = CASE WHEN month_index % 3 = 0 THEN 'RECOVERED'::case_status ELSE case_status END,
             band = CASE WHEN trust_index > 50 THEN 'AT_RISK'::trust_band ELSE band END,
             revenue_minor = CASE WHEN revenue_minor IS NULL THEN 1234 END,
             revenue_month = CASE WHEN revenue_minor IS NULL THEN month_start END, currency = coalesce(currency, 'EUR')
       WHERE case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1 ORDER BY id LIMIT 15)`,
      [crisisId],
    );
    await allTrue();
    // One row, then every month of some cases (their summaries go), then some of them back (a table of this suite's own database).
    await t.dataSource.query(`DELETE FROM case_trust_snapshots WHERE (case_id, month_index) IN (SELECT case_id, max(month_index) FROM case_trust_snapshots GROUP BY case_id ORDER BY case_id LIMIT 1)`);
    await t.dataSource.query(`CREATE TABLE removed_snapshots AS SELECT * FROM case_trust_snapshots WHERE case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1 ORDER BY id DESC LIMIT 5)`, [crisisId]);
    await t.dataSource.query(`DELETE FROM case_trust_snapshots WHERE case_id IN (SELECT case_id FROM removed_snapshots)`);
    await allTrue();
    await t.dataSource.query(`INSERT INTO case_trust_snapshots SELECT * FROM removed_snapshots WHERE month_index < 6`);
    await t.dataSource.query(`DROP TABLE removed_snapshots`);
    await allTrue();
    // The snapshot job itself, two batches at a time, recomputing every row it generated.
    await t.app.get(TrustSnapshotService).run({ batchSize: 7, concurrency: 2 });
    await allTrue();
    expect(await sections(null)).not.toEqual(before);
  });
});
