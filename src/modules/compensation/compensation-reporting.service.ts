import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { CompensationKind, CompensationStatus } from './compensation.enums';
import { CompensationReportArgs } from './dto/compensation-report.args';
import { BASIS_POINTS_PER_UNIT, RETAINED_STATUSES } from './reporting-statuses';

export interface TotalRow {
  kind: CompensationKind;
  status: CompensationStatus;
  currency: string;
  count: number;
  total: string;
}

export interface LossRatioRow {
  segment: string | null;
  currency: string;
  issued: string;
  loss: string;
  ratio: string | null;
}

export interface CaseLossRatioRow extends LossRatioRow {
  caseId: string;
}

/**
 * The ratio in SQL (shared with the dashboards): sums of bigint are numeric (no overflow), and div() is an exact integer
 * quotient, truncated, which for these non-negative amounts is rounding down.
 */
export const RATIO_SQL = (issued: string, loss: string) =>
  `CASE WHEN ${loss} > 0 THEN div(${issued} * ${BASIS_POINTS_PER_UNIT}, ${loss})::text END`;

/** Totals and loss ratios of a crisis's compensation. Every sum is done in SQL over bigint. */
@Injectable()
export class CompensationReportingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async totals(args: CompensationReportArgs): Promise<TotalRow[]> {
    await this.assertCrisisExists(args.crisisId);
    const params: unknown[] = [args.crisisId];
    const where = ['rc.crisis_id = $1'];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (args.kind?.length) add((p) => `c.kind = ANY(CAST(${p} AS compensation_kind[]))`, args.kind);
    if (args.status?.length) add((p) => `c.status = ANY(CAST(${p} AS compensation_status[]))`, args.status);
    if (args.stakeholderKind) add((p) => `s.kind = CAST(${p} AS stakeholder_kind)`, args.stakeholderKind);
    if (args.segment) add((p) => `s.segment = ${p}`, args.segment);
    return this.dataSource.query(
      `SELECT c.kind, c.status, c.currency, count(*)::int AS count, sum(c.value_minor)::text AS total
         FROM compensations c
         JOIN recovery_cases rc ON rc.id = c.case_id
         JOIN stakeholders s ON s.id = rc.stakeholder_id
        WHERE ${where.join(' AND ')}
        GROUP BY c.kind, c.status, c.currency
        ORDER BY c.kind, c.status, c.currency`,
      params,
    );
  }

  /** One row per currency for the whole crisis, or per (segment, currency) when bySegment. */
  async lossRatios(crisisId: string, bySegment: boolean): Promise<LossRatioRow[]> {
    await this.assertCrisisExists(crisisId);
    const segment = bySegment ? 's.segment' : 'NULL::varchar';
    // Loss and issued are summed separately (a case has many compensations) and matched on their
    // keys; a currency with issued value but no loss still shows, with a null ratio.
    return this.dataSource.query(
      `WITH scoped AS (
         SELECT rc.id, rc.estimated_loss_minor, rc.loss_currency, ${segment} AS segment
           FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id
          WHERE rc.crisis_id = $1),
       loss AS (
         SELECT segment, loss_currency AS currency, sum(estimated_loss_minor) AS amount FROM scoped GROUP BY segment, loss_currency),
       issued AS (
         SELECT sc.segment, c.currency, sum(c.value_minor) AS amount
           FROM compensations c JOIN scoped sc ON sc.id = c.case_id
          WHERE c.status = ANY(CAST($2 AS compensation_status[]))
          GROUP BY sc.segment, c.currency),
       keys AS (SELECT segment, currency FROM loss UNION SELECT segment, currency FROM issued)
       SELECT k.segment, k.currency,
              coalesce(i.amount, 0)::text AS issued, coalesce(l.amount, 0)::text AS loss,
              ${RATIO_SQL('coalesce(i.amount, 0)', 'coalesce(l.amount, 0)')} AS ratio
         FROM keys k
         LEFT JOIN loss l ON l.segment IS NOT DISTINCT FROM k.segment AND l.currency = k.currency
         LEFT JOIN issued i ON i.segment IS NOT DISTINCT FROM k.segment AND i.currency = k.currency
        ORDER BY k.segment NULLS LAST, k.currency`,
      [crisisId, RETAINED_STATUSES],
    );
  }

  /**
   * Per case, in the case's loss currency (proposals in another currency are refused, so a
   * case's compensation is all in that currency). Batched: one query for any number of cases.
   */
  async caseLossRatios(caseIds: readonly string[]): Promise<CaseLossRatioRow[]> {
    return this.dataSource.query(
      `SELECT x.case_id AS "caseId", NULL AS segment, x.currency, x.issued::text AS issued, x.loss::text AS loss,
              ${RATIO_SQL('x.issued', 'x.loss')} AS ratio
         FROM (
           SELECT rc.id AS case_id, rc.loss_currency AS currency, rc.estimated_loss_minor::numeric AS loss,
                  coalesce(sum(c.value_minor) FILTER (
                    WHERE c.status = ANY(CAST($2 AS compensation_status[])) AND c.currency = rc.loss_currency), 0) AS issued
             FROM recovery_cases rc
             LEFT JOIN compensations c ON c.case_id = rc.id
            WHERE rc.id = ANY(CAST($1 AS uuid[]))
            GROUP BY rc.id) x`,
      [caseIds, RETAINED_STATUSES],
    );
  }

  async assertCrisisExists(crisisId: string): Promise<void> {
    const found = await this.dataSource.query(`SELECT 1 FROM crises WHERE id = $1`, [crisisId]);
    if (!found.length) throw AppException.notFound('Crisis', crisisId);
  }
}
