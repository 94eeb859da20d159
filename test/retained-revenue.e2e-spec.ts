import { UserRole } from '../src/modules/users/user-role.enum';
import { TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { DashboardOracle } from './support/dashboard-oracle';
import { sectionQuery } from './support/dashboard-operations';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { SignedIn, TestApp } from './support/test-app';

const REVENUE = `mutation ($input: RevenueMonthInput!) { recordRevenueMonth(input: $input) { month } }`;
const EVENT = `mutation ($input: LifecycleEventInput!) { recordLifecycleEvent(input: $input) { id } }`;

/** The calendar month `back` months before now's (UTC), as YYYY-MM. */
const monthsAgo = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

/**
 * Retained revenue counts each recorded revenue month once (README). A snapshot carries the
 * latest revenue among its month and the two before, so summing snapshots used to count one
 * recorded month up to three times: 50.00 recorded once became 150.00 retained.
 */
describe('retained revenue', () => {
  let t: TestApp;
  let leadership: SignedIn;
  let crisisId: string;
  const cost = async (filter: Record<string, unknown> | null) =>
    (await t.ok(sectionQuery('cost'), { crisisId, filter }, leadership.token)).crisisDashboard.cost.byCurrency;
  const retained = async (filter: Record<string, unknown> | null = null) =>
    (await cost(filter)).map((c: { currency: string; retainedRevenue: { amountMinor: string } }) => [c.currency, c.retainedRevenue.amountMinor]);
  const snapshots = () => t.app.get(TrustSnapshotService).run({ now: new Date(), crisisId });
  const record = (stakeholderId: string, back: number, amountMinor: string) =>
    t.ok(REVENUE, { input: { stakeholderId, month: monthsAgo(back), amount: { amountMinor, currency: 'EUR' } } }, leadership.token);

  beforeAll(async () => {
    t = await TestApp.start();
    leadership = await t.signInAs(UserRole.LEADERSHIP);
    // Started five months ago: months 0 to 5, the current one included.
    crisisId = (await makeCrisis(t.dataSource, { startedAt: new Date(`${monthsAgo(5)}-02T06:00:00Z`), detectedAt: new Date(`${monthsAgo(5)}-02T09:00:00Z`) })).id;
  });
  afterAll(() => t.close());

  it('counts a month recorded once once, a gap as nothing, and a corrected month at its corrected figure', async () => {
    const agent = await t.signInAs(UserRole.AGENT);
    const s = await makeStakeholder(t.dataSource, { baselineCurrency: 'EUR', baselineMonthlyRevenueMinor: '10000', region: 'EMEA' });
    await makeCase(t.dataSource, { crisisId, stakeholderId: s.id, ownerId: agent.id });
    // 50.00 in month 0 only: its snapshots of months 0, 1 and 2 all carry it.
    await record(s.id, 5, '5000');
    await snapshots();
    expect(await retained()).toEqual([['EUR', '5000']]);
    // Month 3 recorded after a gap (months 1 and 2), then corrected.
    await record(s.id, 2, '6000');
    await snapshots();
    expect(await retained()).toEqual([['EUR', '11000']]);
    await record(s.id, 2, '7000');
    await snapshots();
    expect(await retained()).toEqual([['EUR', '12000']]);
    // The same through the snapshots of a filtered scope as through the monthly rollups of the whole crisis.
    expect(await retained({ region: 'EMEA' })).toEqual([['EUR', '12000']]);
    expect(await cost(null)).toEqual((await new DashboardOracle(t.dataSource).cost({ crisisId })).byCurrency);
  });

  it('leaves out the months at whose end the case was churned', async () => {
    const agent = await t.signInAs(UserRole.AGENT);
    const s = await makeStakeholder(t.dataSource, { baselineCurrency: 'EUR', baselineMonthlyRevenueMinor: '10000', region: 'APAC' });
    const c = await makeCase(t.dataSource, { crisisId, stakeholderId: s.id, ownerId: agent.id });
    await record(s.id, 4, '3000');
    await record(s.id, 0, '4000');
    await snapshots();
    expect(await retained({ region: 'APAC' })).toEqual([['EUR', '7000']]);
    // Churned now: the current month ends with the case churned, so its figure is not retained.
    await t.ok(EVENT, { input: { stakeholderId: s.id, caseId: c.id, kind: 'CHURNED', occurredAt: new Date().toISOString() } }, leadership.token);
    await snapshots();
    expect(await retained({ region: 'APAC' })).toEqual([['EUR', '3000']]);
    expect(await retained()).toEqual([['EUR', '15000']]);
    expect(await cost(null)).toEqual((await new DashboardOracle(t.dataSource).cost({ crisisId })).byCurrency);
  });
});
