import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompensationKind, CompensationStatus } from '../compensation/compensation.enums';
import { RATIO_SQL } from '../compensation/compensation-reporting.service';
import { money } from '../compensation/reporting-mappers';
import { RETAINED_STATUSES } from '../compensation/reporting-statuses';
import { DashboardScope, monthlyRollupWhere, scopeSql } from './dashboard-scope';
import { CostDashboardModel } from './models/cost-dashboard.model';

interface Row {
  totals: { kind: CompensationKind; status: CompensationStatus; currency: string; count: number; total: string }[];
  by_currency: { currency: string; loss: string; given: string; revenue: string; loss_ratio: string | null; revenue_ratio: string | null }[];
}

/**
 * One statement: totals by kind and status, and per currency the loss, what was given (the
 * compensation module's RETAINED_STATUSES and ratio), and the retained revenue: each revenue
 * month recorded once, from the snapshot of that month, while the case was not CHURNED (added up
 * by the monthly rollups when the scope allows). Amounts travel as text
 * inside the JSON, so no bigint passes through a float.
 */
export function costSql(scope: DashboardScope): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id, rc.estimated_loss_minor, rc.loss_currency');
  params.push(RETAINED_STATUSES);
  const retained = `$${params.length}`;
  // A whole crisis, or its customers or partners, from the monthly rollups; other filters from the snapshots.
  const rollups = monthlyRollupWhere(scope, 'g', params);
  // Retained revenue (README): each recorded month once, in the snapshot of that month, while the case was not churned.
  const revenue = rollups
    ? `SELECT g.currency, sum(g.retained_revenue_sum) AS amount FROM crisis_trust_months g
        WHERE ${rollups} AND g.retained_revenue_count > 0 GROUP BY g.currency`
    : `SELECT t.currency, sum(t.revenue_minor) AS amount FROM case_trust_snapshots t JOIN sc ON sc.id = t.case_id
        WHERE t.revenue_month = t.month_start AND t.case_status <> 'CHURNED' GROUP BY t.currency`;
  const sql = `
    WITH sc AS (${cases}),
    comp AS (SELECT c.kind, c.status, c.currency, c.value_minor FROM compensations c JOIN sc ON sc.id = c.case_id),
    totals AS (
      SELECT coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'status', status, 'currency', currency, 'count', n, 'total', total::text)
                                ORDER BY kind, status, currency), '[]') AS totals
        FROM (SELECT kind, status, currency, count(*)::int AS n, sum(value_minor) AS total FROM comp GROUP BY kind, status, currency) g),
    loss AS (SELECT loss_currency AS currency, sum(estimated_loss_minor) AS amount FROM sc GROUP BY loss_currency),
    given AS (
      SELECT currency, sum(value_minor) AS amount FROM comp
       WHERE status = ANY(CAST(${retained} AS compensation_status[])) GROUP BY currency),
    revenue AS (${revenue}),
    keys AS (SELECT currency FROM loss UNION SELECT currency FROM given UNION SELECT currency FROM revenue),
    by_currency AS (
      SELECT coalesce(jsonb_agg(jsonb_build_object(
               'currency', k.currency, 'loss', x.loss::text, 'given', x.given::text, 'revenue', x.revenue::text,
               'loss_ratio', ${RATIO_SQL('x.given', 'x.loss')}, 'revenue_ratio', ${RATIO_SQL('x.revenue', 'x.given')})
             ORDER BY k.currency), '[]') AS by_currency
        FROM keys k
        LEFT JOIN loss l ON l.currency = k.currency
        LEFT JOIN given g ON g.currency = k.currency
        LEFT JOIN revenue r ON r.currency = k.currency
       CROSS JOIN LATERAL (SELECT coalesce(l.amount, 0) AS loss, coalesce(g.amount, 0) AS given, coalesce(r.amount, 0) AS revenue) x)
    SELECT totals.totals, by_currency.by_currency FROM totals CROSS JOIN by_currency`;
  return { sql, params };
}

@Injectable()
export class CostDashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cost(scope: DashboardScope): Promise<CostDashboardModel> {
    const { sql, params } = costSql(scope);
    const [row]: Row[] = await this.dataSource.query(sql, params);
    return Object.assign(new CostDashboardModel(), {
      compensationByKindAndStatus: row.totals.map((t) => ({ kind: t.kind, status: t.status, count: t.count, total: money(t.total, t.currency) })),
      byCurrency: row.by_currency.map((c) => ({
        currency: c.currency.trim(),
        estimatedLoss: money(c.loss, c.currency),
        compensationGiven: money(c.given, c.currency),
        lossRatioBasisPoints: c.loss_ratio,
        retainedRevenue: money(c.revenue, c.currency),
        retainedRevenuePerCompensationBasisPoints: c.revenue_ratio,
      })),
    });
  }
}
