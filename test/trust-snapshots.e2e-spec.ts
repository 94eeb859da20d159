import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { JobName, QueueName } from '../src/jobs/job-names';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { TrustFactsService } from '../src/modules/trust/trust-facts.service';
import { computeTrustIndex } from '../src/modules/trust/trust-index';
import { formulaSettings, TrustSettingsService } from '../src/modules/trust/trust-settings.service';
import { previousMonthStart, TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { ManualClock } from './support/manual-clock';
import { errorCode, SignedIn, TestApp } from './support/test-app';
import { generateTrustSignals } from './support/trust-fixture';
import { RECORD_SURVEY_RESPONSE, REFRESH_TRUST_SNAPSHOTS } from './support/trust-operations';

/** A fixed instant, late on a month's last day (UTC), where "the current month" is easiest to get wrong. */
const NOW = new Date('2026-11-30T23:30:00Z');
const months = (from: Date) => (NOW.getUTCFullYear() - from.getUTCFullYear()) * 12 + NOW.getUTCMonth() - from.getUTCMonth() + 1;

/** Every column but computed_at, in a stable order, for comparing runs. */
const SNAPSHOT_ROWS = `
  SELECT case_id, month_index, crisis_id, stakeholder_id, to_char(month_start, 'YYYY-MM-DD') AS month_start, as_of, trust_index, band,
         component_survey_trust, component_nps, component_sentiment, component_responsiveness, component_revenue, component_promises,
         overdue_items, penalty_points, weights, reasons, latest_nps, latest_csat, latest_trust, pre_crisis_nps, pre_crisis_csat,
         pre_crisis_trust, revenue_month, revenue_minor, baseline_minor, currency, case_status
    FROM case_trust_snapshots ORDER BY case_id, month_index`;

describe('monthly trust snapshots', () => {
  const clock = new ManualClock(NOW);
  let t: TestApp;
  let agent: SignedIn;
  let leadership: SignedIn;
  let early: { id: string; started: Date };
  let late: { id: string; started: Date };
  let caseIds: string[];
  const snapshots = () => t.app.get(TrustSnapshotService);
  const rows = () => t.dataSource.query(SNAPSHOT_ROWS);

  beforeAll(async () => {
    t = await TestApp.start({}, { clock });
    agent = await t.signInAs(UserRole.AGENT);
    leadership = await t.signInAs(UserRole.LEADERSHIP);
    // Counted in calendar months, so that the late crisis's month 0 lies before "this month and
    // the last" whatever day NOW is (50 days before a month's 30th is the month before last's 11th).
    const started = (monthsAgo: number, day: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - monthsAgo, day, 9));
    early = { id: '', started: started(6, 14) };
    late = { id: '', started: started(2, 10) };
    early.id = (await makeCrisis(t.dataSource, { startedAt: early.started, detectedAt: early.started })).id;
    late.id = (await makeCrisis(t.dataSource, { startedAt: late.started, detectedAt: late.started })).id;
    caseIds = [];
    for (let i = 0; i < 36; i += 1) {
      const overrides = i % 9 === 0 ? { baselineMonthlyRevenueMinor: null, baselineCurrency: null } : {};
      const s = await makeStakeholder(t.dataSource, { kind: StakeholderKind.CUSTOMER, ownerId: agent.id, ...overrides });
      caseIds.push((await makeCase(t.dataSource, { crisisId: i % 3 ? early.id : late.id, stakeholderId: s.id, ownerId: agent.id })).id);
    }
    await generateTrustSignals(t.dataSource, [early.id, late.id], agent.id, NOW);
  }, 60_000);
  afterAll(() => t.close());

  it('writes one snapshot per case and month since its crisis started, month 0 being the crisis month', async () => {
    const result = await snapshots().run({ now: NOW, batchSize: 7 });
    const expected = 24 * months(early.started) + 12 * months(late.started);
    expect(result).toMatchObject({ snapshots: expected, batches: 6 });
    const all = await rows();
    expect(all).toHaveLength(expected);
    const first = all.find((r: { crisis_id: string; month_index: number }) => r.crisis_id === early.id && r.month_index === 0);
    expect(first.month_start).toBe(`${early.started.toISOString().slice(0, 7)}-01`);
    const current = all.filter((r: { as_of: Date }) => r.as_of.getTime() === NOW.getTime());
    expect(current).toHaveLength(36);
  });

  it('gives exactly the numbers the TypeScript formula gives, for every case and month', async () => {
    const settings = formulaSettings(await t.app.get(TrustSettingsService).get());
    const all = await rows();
    const byAsOf = new Map<number, any[]>();
    for (const r of all) byAsOf.set(r.as_of.getTime(), [...(byAsOf.get(r.as_of.getTime()) ?? []), r]);
    const bp = (v: string | null) => (v === null ? null : Math.round(Number(v) * 10_000));
    let compared = 0;
    const bands = new Set<string>();
    const reasonCodes = new Set<string>();
    for (const [asOf, group] of byAsOf) {
      const facts = await t.app.get(TrustFactsService).load(group.map((r) => r.case_id), new Date(asOf), settings.lookbackMonths, group[0].month_start);
      for (const row of group) {
        const ts = computeTrustIndex(facts.get(row.case_id)!, settings);
        const component = (key: string) => ts.components.find((c) => c.key === key)!.basisPoints;
        expect({
          case: row.case_id,
          month: row.month_index,
          index: row.trust_index,
          band: row.band,
          status: row.case_status,
          components: [row.component_survey_trust, row.component_nps, row.component_sentiment, row.component_responsiveness, row.component_revenue, row.component_promises].map(bp),
          overdue: row.overdue_items,
          penalty: row.penalty_points,
          reasons: row.reasons,
          latest: [row.latest_nps, row.latest_csat, row.latest_trust, row.pre_crisis_nps, row.pre_crisis_csat, row.pre_crisis_trust],
        }).toEqual({
          case: row.case_id,
          month: row.month_index,
          index: ts.index,
          band: ts.band,
          status: facts.get(row.case_id)!.status,
          components: ['surveyTrust', 'nps', 'sentiment', 'responsiveness', 'revenue', 'promises'].map(component),
          overdue: ts.overdueItems,
          penalty: ts.penaltyPoints,
          reasons: ts.reasons,
          latest: [ts.latest.NPS, ts.latest.CSAT, ts.latest.TRUST, ts.preCrisis.NPS, ts.preCrisis.CSAT, ts.preCrisis.TRUST],
        });
        compared += 1;
        bands.add(ts.band);
        for (const r of ts.reasons) reasonCodes.add(r.code);
      }
    }
    expect(compared).toBe(all.length);
    // The generated data reaches the interesting paths, so the agreement means something.
    expect([...bands].sort()).toEqual(['AT_RISK', 'RECOVERED', 'RECOVERING']);
    expect([...reasonCodes]).toEqual(expect.arrayContaining(['CHURNED', 'NO_CONTACT', 'NPS_DETRACTOR', 'LOW_REVENUE', 'OVERDUE_ITEMS', 'PROMISES_BROKEN']));
    expect(all.some((r: { component_revenue: string | null }) => r.component_revenue === null)).toBe(true);
  });

  it('is idempotent: a rerun, with other batch sizes, rewrites the same rows in place', async () => {
    const before = await rows();
    await snapshots().run({ now: NOW, batchSize: 5 });
    await snapshots().run({ now: NOW });
    expect(await rows()).toEqual(before);
  });

  it('refreshes this month and the last by default, and backfills every month on request', async () => {
    const before = await rows();
    await t.dataSource.query(`DELETE FROM case_trust_snapshots WHERE month_index = 0`);
    const recent = await snapshots().run({ now: NOW, fromMonth: previousMonthStart(NOW) });
    // This month and the last are recomputed, identical, so left alone; month 0 is not touched.
    expect(recent.snapshots).toBe(0);
    expect(await t.rowCount('case_trust_snapshots')).toBe(before.length - 36);
    await snapshots().run({ now: NOW });
    expect(await rows()).toEqual(before);
  });

  it('recomputes the current month in place when a signal arrives, leaving past months alone', async () => {
    const caseId = caseIds[1];
    const current = async () => {
      const [row] = await t.dataSource.query(
        `SELECT trust_index, latest_trust, month_index FROM case_trust_snapshots WHERE case_id = $1 ORDER BY month_index DESC LIMIT 1`,
        [caseId],
      );
      return row;
    };
    const past = await t.dataSource.query(`SELECT * FROM case_trust_snapshots WHERE case_id = $1 AND month_index = 0`, [caseId]);
    await t.dataSource.query(`UPDATE recovery_cases SET status = 'RECOVERING' WHERE id = $1`, [caseId]);
    await t.ok(RECORD_SURVEY_RESPONSE, { input: { caseId, kind: 'TRUST', score: 1, respondedAt: new Date(NOW.getTime() - 1000).toISOString() } }, agent.token);
    await snapshots().run({ now: NOW, fromMonth: previousMonthStart(NOW) });
    const after = await current();
    expect(after.latest_trust).toBe(1);
    expect(await t.dataSource.query(`SELECT * FROM case_trust_snapshots WHERE case_id = $1 AND month_index = 0`, [caseId])).toEqual(past);
  });

  describe('the refresh job', () => {
    let worker: INestApplicationContext;
    let events: QueueEvents;
    const queue = () => t.app.get<Queue>(getQueueToken(QueueName.TRUST));

    beforeAll(async () => {
      events = new QueueEvents(QueueName.TRUST, { connection: redisConnectionOptions(t.config.redisUrl), prefix: `${t.config.redisPrefix}:bull` });
      await events.waitUntilReady();
    });
    afterAll(async () => {
      await events.close();
      await worker?.close();
    });

    it('is scheduled nightly on the trust queue', async () => {
      const schedulers = await queue().getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ key: JobName.TRUST_SNAPSHOTS, pattern: '40 2 * * *', tz: 'UTC' })]);
    });

    it('is queued once per kind of refresh by leadership, refused for an unknown crisis, and run by the worker', async () => {
      await t.dataSource.query(`DELETE FROM case_trust_snapshots WHERE crisis_id = $1`, [late.id]);
      const first = await t.ok(REFRESH_TRUST_SNAPSHOTS, { crisisId: late.id, backfill: true }, leadership.token);
      expect(first.refreshTrustSnapshots).toEqual({ jobId: `trust-snapshots.${late.id}.backfill`, queued: true });
      const second = await t.ok(REFRESH_TRUST_SNAPSHOTS, { crisisId: late.id, backfill: true }, leadership.token);
      expect(second.refreshTrustSnapshots.queued).toBe(false);
      const unknown = await t.gql(REFRESH_TRUST_SNAPSHOTS, { crisisId: '00000000-0000-4000-8000-000000000000' }, leadership.token);
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(REFRESH_TRUST_SNAPSHOTS, {}, agent.token))).toBe('FORBIDDEN');

      const job = (await queue().getJob(first.refreshTrustSnapshots.jobId))!;
      worker = await t.startWorker();
      const result = await job.waitUntilFinished(events, 30_000);
      expect(result.snapshots).toBe(12 * months(late.started));
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM case_trust_snapshots WHERE crisis_id = $1`, [late.id]);
      expect(n).toBe(12 * months(late.started));
      // Done and removed: the next request queues again.
      const third = await t.ok(REFRESH_TRUST_SNAPSHOTS, { crisisId: late.id, backfill: true }, leadership.token);
      expect(third.refreshTrustSnapshots.queued).toBe(true);
    });
  });
});
