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
 * One statement for the whole response section. The scoped cases' interactions are read once,
 * per case newest first (index-only from (case_id, occurred_at DESC)); a running minimum of
 * outbound times gives each inbound message the first outbound at or after it (peers at the
 * same instant included: an outbound at the same time counts as the reply, as in the SLA
 * clocks). The same rows give each case's first contact.
 */
export function responseSql(scope: DashboardScope): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id, rc.status, rc.impact, rc.created_at');
  const sql = `
    WITH sc AS MATERIALIZED (${cases}),
    cfg AS (
      SELECT make_interval(hours => ${GOLDEN_HOURS}) AS golden, s.golden_hours_impacts AS golden_impacts,
             make_interval(hours => s.reply_within_hours::int) AS reply, now() AS at
        FROM crises cr CROSS JOIN (SELECT * FROM sla_settings LIMIT 1) s
       WHERE cr.id = $1),
    clocks AS MATERIALIZED (
      SELECT i.case_id, i.direction, i.occurred_at, i.template_version_id IS NOT NULL AS templated,
             min(i.occurred_at) FILTER (WHERE i.direction = 'OUTBOUND') OVER newest_first AS answered_at,
             min(i.occurred_at) FILTER (WHERE i.direction = 'OUTBOUND') OVER (PARTITION BY i.case_id) AS first_out,
             row_number() OVER newest_first AS nth
        FROM sc JOIN interactions i ON i.case_id = sc.id
      WINDOW newest_first AS (PARTITION BY i.case_id ORDER BY i.occurred_at DESC)),
    first_contact AS (SELECT case_id, first_out FROM clocks WHERE nth = 1 AND first_out IS NOT NULL),
    cases AS (
      SELECT count(*)::int AS cases,
             (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM sc GROUP BY status) g) AS by_status,
             count(*) FILTER (WHERE sc.impact = ANY (cfg.golden_impacts) AND f.first_out <= sc.created_at + cfg.golden)::int AS golden_met,
             count(*) FILTER (WHERE sc.impact = ANY (cfg.golden_impacts)
                               AND (f.first_out IS NOT NULL OR cfg.at > sc.created_at + cfg.golden))::int AS golden_ended,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_out - sc.created_at))
               FILTER (WHERE f.first_out IS NOT NULL) AS median_seconds
        FROM sc LEFT JOIN first_contact f ON f.case_id = sc.id CROSS JOIN cfg),
    messages AS (
      SELECT count(*) FILTER (WHERE k.direction = 'INBOUND' AND k.answered_at <= k.occurred_at + cfg.reply)::int AS reply_met,
             count(*) FILTER (WHERE k.direction = 'INBOUND'
                               AND (k.answered_at IS NOT NULL OR cfg.at > k.occurred_at + cfg.reply))::int AS reply_ended,
             count(*) FILTER (WHERE k.direction = 'OUTBOUND')::int AS outbound,
             count(*) FILTER (WHERE k.direction = 'OUTBOUND' AND k.templated)::int AS templated
        FROM clocks k CROSS JOIN cfg)
    SELECT * FROM cases CROSS JOIN messages`;
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
