import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROMISE_DUE_SQL, PROMISE_KEPT_SQL } from '../commitments/commitment-queries.service';
import { RATIO_SQL } from '../compensation/compensation-reporting.service';
import { money } from '../compensation/reporting-mappers';
import { CRISIS_MONTH_ZERO, MONTHS_AFTER } from '../trust/trust-snapshot.sql';
import { DashboardScope, monthlyRollupWhere, scopeSql } from './dashboard-scope';
import { NpsModel } from './models/nps.model';
import { RecoveryMonthModel } from './models/recovery-month.model';
import { ShareModel } from './models/share.model';
import { TimeToRecoveryModel } from './models/time-to-recovery.model';

interface MonthRow {
  month_index: number;
  cases: number;
  average_trust: number;
  respondents: number;
  promoters: number;
  detractors: number;
  average_csat: number | null;
  retained: number;
  revenue: { currency: string; revenue: string; baseline: string; share: string | null }[];
  kept: number;
  due: number;
}

interface RecoveryRow {
  cases: number;
  by3: number;
  by6: number;
  by12: number;
  ever: number;
  median: number | null;
}

/** Stands for "never recovered" in the median, above any real month index (at most 1200). */
const NEVER = 32767;

/**
 * The promises due in each snapshot's calendar month, per month index, for the scoped cases
 * `sc` of crisis $1: a commitment counts in its due month when its case has a snapshot of that
 * month (the case's trust summary lists them), the month counted from the crisis month as the
 * snapshots count theirs. Over a whole crisis the summaries, which are per crisis, are the scope.
 */
const promisesByMonth = (wholeCrisis: boolean) => `
    promises AS (
      SELECT m.month_index, ${PROMISE_KEPT_SQL} AS kept, ${PROMISE_DUE_SQL} AS due
        FROM commitments c
        ${wholeCrisis ? '' : 'JOIN sc ON sc.id = c.case_id'}
        JOIN case_trust_summaries l ON l.case_id = c.case_id AND l.crisis_id = $1
        CROSS JOIN (SELECT ${CRISIS_MONTH_ZERO('cr')} AS month_zero FROM crises cr WHERE cr.id = $1) z
        CROSS JOIN LATERAL (SELECT ${MONTHS_AFTER('z.month_zero', 'c.due_on')} AS month_index) m
       WHERE c.party = 'OURS' AND m.month_index = ANY (l.month_indexes)
       GROUP BY m.month_index)`;

/** The (month index, currency) groups of the scoped cases' snapshots, with the sums the curve needs, from the monthly rollups. */
const rollupGroups = (where: string) => `
      SELECT g.month_index, g.currency, sum(g.cases) AS cases, sum(g.trust_sum) AS trust_sum, sum(g.nps_respondents) AS respondents,
             sum(g.promoters) AS promoters, sum(g.detractors) AS detractors, sum(g.csat_sum) AS csat_sum, sum(g.csat_count) AS csat_count,
             sum(g.retained) AS retained, sum(g.paired_count) AS paired, sum(g.paired_revenue_sum) AS revenue,
             sum(g.paired_baseline_sum) AS baseline
        FROM crisis_trust_months g WHERE ${where}
       GROUP BY g.month_index, g.currency`;

/** The same groups straight from the snapshots of the scoped cases `sc`. */
const SNAPSHOT_GROUPS = `
      SELECT t.month_index, t.currency, count(*) AS cases, sum(t.trust_index) AS trust_sum, count(t.latest_nps) AS respondents,
             count(*) FILTER (WHERE t.latest_nps >= 9) AS promoters, count(*) FILTER (WHERE t.latest_nps <= 6) AS detractors,
             sum(t.latest_csat) AS csat_sum, count(t.latest_csat) AS csat_count,
             count(*) FILTER (WHERE t.case_status <> 'CHURNED') AS retained,
             count(*) FILTER (WHERE t.revenue_minor IS NOT NULL AND t.baseline_minor IS NOT NULL) AS paired,
             sum(t.revenue_minor) FILTER (WHERE t.baseline_minor IS NOT NULL) AS revenue,
             sum(t.baseline_minor) FILTER (WHERE t.revenue_minor IS NOT NULL) AS baseline
        FROM case_trust_snapshots t JOIN sc ON sc.id = t.case_id
       GROUP BY t.month_index, t.currency`;

/**
 * The monthly series, one statement: the scoped cases' snapshots by month index, with revenue
 * per currency and the promises due in each snapshot's calendar month. A whole crisis (or its
 * customers or partners) adds up its monthly rollups; other filters read the snapshots.
 */
export function recoveryCurveSql(scope: DashboardScope): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id');
  const rollups = monthlyRollupWhere(scope, 'g', params);
  // The scoped cases materialised: the planner then cannot misjudge how many commitments meet
  // them and probe the cases one by one.
  const sql = `
    WITH sc AS MATERIALIZED (${cases}),
    groups AS (${rollups ? rollupGroups(rollups) : SNAPSHOT_GROUPS}),
    months AS (
      -- As avg() does it: the exact quotient of the integer sum by the count, then rounded.
      SELECT month_index, sum(cases)::int AS cases, round(sum(trust_sum) / sum(cases), 2)::float8 AS average_trust,
             sum(respondents)::int AS respondents, sum(promoters)::int AS promoters, sum(detractors)::int AS detractors,
             round(sum(csat_sum) / nullif(sum(csat_count), 0), 2)::float8 AS average_csat, sum(retained)::int AS retained
        FROM groups GROUP BY month_index HAVING sum(cases) > 0),
    revenue AS (
      SELECT month_index, jsonb_agg(jsonb_build_object('currency', currency, 'revenue', revenue::text, 'baseline', baseline::text,
                                                       'share', ${RATIO_SQL('revenue', 'baseline')}) ORDER BY currency) AS revenue
        FROM groups WHERE paired > 0 GROUP BY month_index),
    ${promisesByMonth(rollups !== null && scope.stakeholderKind === null)}
    SELECT m.*, coalesce(r.revenue, '[]') AS revenue, coalesce(p.kept, 0) AS kept, coalesce(p.due, 0) AS due
      FROM months m
      LEFT JOIN revenue r USING (month_index)
      LEFT JOIN promises p USING (month_index)
     ORDER BY m.month_index`;
  return { sql, params };
}

/** Each case's first month with status RECOVERED at the month's end, from its trust summary. */
export function timeToRecoverySql(scope: DashboardScope): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id');
  const sql = `
    WITH sc AS (${cases}),
    firsts AS (
      SELECT l.first_recovered_month_index AS m FROM sc LEFT JOIN case_trust_summaries l ON l.case_id = sc.id AND l.crisis_id = $1)
    SELECT count(*)::int AS cases,
           count(*) FILTER (WHERE m <= 3)::int AS by3,
           count(*) FILTER (WHERE m <= 6)::int AS by6,
           count(*) FILTER (WHERE m <= 12)::int AS by12,
           count(m)::int AS ever,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY coalesce(m, ${NEVER}))::int AS median
      FROM firsts`;
  return { sql, params };
}

/** Tenths of a point from integers, half away from zero: the rounding of `netPromoterScore` (trust/nps.ts). */
function npsTenths(net: number, respondents: number): number {
  return Math.round(Math.abs(1000 * net) / respondents) * Math.sign(net);
}

export function npsOf(respondents: number, promoters: number, detractors: number): NpsModel {
  return {
    respondents,
    promoters,
    detractors,
    passives: respondents - promoters - detractors,
    score: respondents > 0 ? npsTenths(promoters - detractors, respondents) / 10 : null,
  };
}

@Injectable()
export class RecoveryDashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async curve(scope: DashboardScope): Promise<RecoveryMonthModel[]> {
    const { sql, params } = recoveryCurveSql(scope);
    const rows: MonthRow[] = await this.dataSource.query(sql, params);
    return rows.map((r) =>
      Object.assign(new RecoveryMonthModel(), {
        monthIndex: r.month_index,
        cases: r.cases,
        averageTrustIndex: r.average_trust,
        nps: npsOf(r.respondents, r.promoters, r.detractors),
        averageCsat: r.average_csat,
        revenueVsBaseline: r.revenue.map((x) => ({
          currency: x.currency.trim(),
          revenue: money(x.revenue, x.currency),
          baseline: money(x.baseline, x.currency),
          shareBasisPoints: x.share,
        })),
        retention: ShareModel.of(r.retained, r.cases),
        promiseKept: { kept: r.kept, due: r.due, rate: r.due ? r.kept / r.due : null },
      }),
    );
  }

  async timeToRecovery(scope: DashboardScope): Promise<TimeToRecoveryModel> {
    const { sql, params } = timeToRecoverySql(scope);
    const [r]: RecoveryRow[] = await this.dataSource.query(sql, params);
    return Object.assign(new TimeToRecoveryModel(), {
      cases: r.cases,
      medianMonths: r.median === null || r.median === NEVER ? null : r.median,
      recoveredBy3Months: ShareModel.of(r.by3, r.cases),
      recoveredBy6Months: ShareModel.of(r.by6, r.cases),
      recoveredBy12Months: ShareModel.of(r.by12, r.cases),
      recoveredEver: ShareModel.of(r.ever, r.cases),
    });
  }
}
