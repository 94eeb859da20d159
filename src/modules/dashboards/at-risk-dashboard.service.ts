import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DashboardScope, scopeSql } from './dashboard-scope';
import { AtRiskCaseModel } from './models/at-risk-case.model';

/**
 * Open cases (not RECOVERED or CHURNED now) whose latest snapshot is AT_RISK, lowest trust
 * index first, then by case id so that ties have a stable order; each case's latest snapshot
 * is kept in its trust summary (case_trust_summaries).
 */
export function atRiskSql(scope: DashboardScope, limit: number): { sql: string; params: unknown[] } {
  const { cases, params } = scopeSql(scope, 'rc.id, rc.stakeholder_id, rc.owner_id, rc.status');
  // The stakeholders' names are joined to the chosen few only.
  const sql = `
    WITH sc AS (${cases} AND rc.status NOT IN ('RECOVERED', 'CHURNED')),
    top AS (
      SELECT sc.id, sc.stakeholder_id, sc.owner_id, sc.status, l.latest_month_index AS month_index,
             l.latest_trust_index AS trust_index, l.latest_band AS band, l.latest_reasons AS reasons
        FROM sc JOIN case_trust_summaries l ON l.case_id = sc.id
       WHERE l.crisis_id = $1 AND l.latest_band = 'AT_RISK'
       ORDER BY l.latest_trust_index, l.case_id
       LIMIT $${params.length + 1})
    SELECT top.id AS "caseId", top.stakeholder_id AS "stakeholderId", st.name AS "stakeholderName", top.owner_id AS "ownerId",
           top.status, top.month_index AS "monthIndex", top.trust_index AS "trustIndex", top.band, top.reasons
      FROM top JOIN stakeholders st ON st.id = top.stakeholder_id
     ORDER BY top.trust_index, top.id`;
  return { sql, params: [...params, limit] };
}

@Injectable()
export class AtRiskDashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async atRisk(scope: DashboardScope, limit: number): Promise<AtRiskCaseModel[]> {
    const { sql, params } = atRiskSql(scope, limit);
    const rows: AtRiskCaseModel[] = await this.dataSource.query(sql, params);
    return rows.map((r) => Object.assign(new AtRiskCaseModel(), r));
  }
}
