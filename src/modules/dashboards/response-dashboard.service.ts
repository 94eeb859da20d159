import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStatus } from '../cases/case.enums';
import { GOLDEN_HOURS } from '../sla/sla-sweep.sql';
import { DashboardScope, scopeSql } from './dashboard-scope';
import { ResponseDashboardModel } from './models/response-dashboard.model';
import { ShareModel } from './models/share.model';

interface Row {
  by_status: Record<string, number> | null;
  cases: number;
  golden_met: number;
  golden_ended: number;
  median_seconds: number | null;
  reply_met: number;
  reply_ended: number;
  outbound: number;
  templated: number;
}

/**
 * One statement for the whole response section, over each scoped case's response facts
 * (case_response_facts, kept by triggers on interactions): the clocks are judged here against
 * the SLA settings of now, so changing a setting needs no recompute. A case without facts has
 * no interactions.
 */
export function responseSql(scope: DashboardScope): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id, rc.status, rc.impact, rc.created_at');
  const sql = `
    WITH sc AS MATERIALIZED (${cases}),
    cfg AS (
      SELECT make_interval(hours => ${GOLDEN_HOURS}) AS golden, s.golden_hours_impacts AS golden_impacts,
             make_interval(hours => s.reply_within_hours::int) AS reply, s.reply_within_hours::int * 3600 AS reply_seconds, now() AS at
        FROM crises cr CROSS JOIN (SELECT * FROM sla_settings LIMIT 1) s
       WHERE cr.id = $1)
    SELECT count(*)::int AS cases,
           (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM sc GROUP BY status) g) AS by_status,
           count(*) FILTER (WHERE sc.impact = ANY (cfg.golden_impacts) AND f.first_outbound_at <= sc.created_at + cfg.golden)::int AS golden_met,
           count(*) FILTER (WHERE sc.impact = ANY (cfg.golden_impacts)
                             AND (f.first_outbound_at IS NOT NULL OR cfg.at > sc.created_at + cfg.golden))::int AS golden_ended,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_outbound_at - sc.created_at))
             FILTER (WHERE f.first_outbound_at IS NOT NULL) AS median_seconds,
           coalesce(sum((SELECT count(*) FROM unnest(f.reply_seconds) d WHERE d <= cfg.reply_seconds)), 0)::int AS reply_met,
           coalesce(sum(cardinality(f.reply_seconds)
                        + (SELECT count(*) FROM unnest(f.unanswered_at) u WHERE cfg.at > u + cfg.reply)), 0)::int AS reply_ended,
           coalesce(sum(f.outbound), 0)::int AS outbound,
           coalesce(sum(f.outbound_templated), 0)::int AS templated
      FROM sc CROSS JOIN cfg
      LEFT JOIN case_response_facts f ON f.case_id = sc.id`;
  return { sql, params };
}

@Injectable()
export class ResponseDashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async response(scope: DashboardScope): Promise<ResponseDashboardModel> {
    const { sql, params } = responseSql(scope);
    const [row]: Row[] = await this.dataSource.query(sql, params);
    return Object.assign(new ResponseDashboardModel(), {
      cases: row.cases,
      casesByStatus: Object.values(CaseStatus).map((status) => ({ status, count: row.by_status?.[status] ?? 0 })),
      contactedWithinGoldenHours: ShareModel.of(row.golden_met, row.golden_ended),
      medianSecondsToFirstContact: row.median_seconds,
      inboundAnsweredWithinSla: ShareModel.of(row.reply_met, row.reply_ended),
      outboundWithApprovedTemplate: ShareModel.of(row.templated, row.outbound),
    });
  }
}
