import { EntityManager } from 'typeorm';
import { RecoveryCaseFilters, recoveryCaseListQuery } from '../cases/recovery-case-list.query';
import { COMMITTED_NOT_ISSUED_STATUSES, RETAINED_STATUSES } from '../compensation/reporting-statuses';
import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from '../imports/stakeholder-csv-columns';
import { CASE_SLA_COLUMNS, CASE_SLA_JOINS, CaseSlaRow, toCaseSla } from '../sla/case-sla.query';
import { CsvCell, CsvExport, parameterList } from './csv-export';
import { selectList, STAKEHOLDER_CONTACT_JOINS, STAKEHOLDER_CONTACT_SELECT } from './stakeholder-csv-select';

/**
 * Read-only columns after the contract's: the import ignores them. Compensation totals are per
 * currency: committed is approved and not yet issued, issued is issued and kept (ISSUED,
 * ACCEPTED), as in the budget. Compensation is made in the case's loss currency, so there is
 * one currency unless the loss currency was changed later; then each currency is listed,
 * separated by ";", with the amounts in the same order.
 */
export const CASE_READ_ONLY_HEADERS = [
  'case_id',
  'crisis_id',
  'case_status',
  'opened_at',
  'compensation_currency',
  'compensation_committed_minor',
  'compensation_issued_minor',
  'golden_hours_state',
  'golden_hours_due_at',
  'reply_state',
  'reply_due_at',
] as const;

export const CASE_EXPORT_HEADERS: readonly string[] = [...STAKEHOLDER_CSV_HEADERS, ...CASE_READ_ONLY_HEADERS];

/** The case's contract columns, with the case as `k`, its owner as `co`. */
const CASE_SELECT: Record<Extract<StakeholderCsvColumn, `case_${string}`>, string> = {
  case_impact: 'k.impact::text',
  case_estimated_loss_minor: 'k.estimated_loss_minor::text',
  case_loss_currency: 'btrim(k.loss_currency)',
  case_priority: 'k.priority::text',
  case_owner_email: 'co.email',
  case_description: 'k.description',
};

type CaseExportRow = Record<string, CsvCell> &
  CaseSlaRow & { case_id: string; crisis_id: string; case_status: string; currencies: string; committed: string; issued: string };

function toRecord(now: Date): (row: CaseExportRow) => CsvCell[] {
  return (row) => {
    const sla = toCaseSla(row, now);
    const readOnly: Record<(typeof CASE_READ_ONLY_HEADERS)[number], CsvCell> = {
      case_id: row.case_id,
      crisis_id: row.crisis_id,
      case_status: row.case_status,
      opened_at: row.opened_at,
      compensation_currency: row.currencies,
      compensation_committed_minor: row.committed,
      compensation_issued_minor: row.issued,
      golden_hours_state: sla.goldenHours.state,
      golden_hours_due_at: sla.goldenHours.dueAt,
      reply_state: sla.reply.state,
      reply_due_at: sla.reply.dueAt,
    };
    return [...STAKEHOLDER_CSV_HEADERS.map((h) => row[h]), ...CASE_READ_ONLY_HEADERS.map((h) => readOnly[h])];
  };
}

/**
 * One row per case × contact of its stakeholder, with the stakeholder, contact and case columns
 * of the import (so that the file re-imports into the case's crisis), then the read-only
 * columns. The cases are those of the `recoveryCases` list for the same filters, through the
 * list's own query builder, in its order (most urgent, then oldest). One statement: the SLA
 * inputs and compensation totals are computed per case (OFFSET 0 keeps that subquery from
 * being flattened into the contact join, which would repeat them per contact).
 */
export function casesExport(manager: EntityManager, filters: RecoveryCaseFilters, now = new Date()): CsvExport<CaseExportRow> {
  const [picked, params] = recoveryCaseListQuery(manager, filters).select('c.id', 'id').getQueryAndParameters();
  const param = parameterList(params);
  const committed = param(COMMITTED_NOT_ISSUED_STATUSES);
  const issued = param(RETAINED_STATUSES);
  const sql = `
    WITH picked AS (${picked})
    SELECT ${selectList(STAKEHOLDER_CSV_HEADERS, { ...STAKEHOLDER_CONTACT_SELECT, ...CASE_SELECT })},
           k.id AS case_id, k.crisis_id, k.status::text AS case_status,
           k.opened_at, k.golden_required, k.golden_hours, k.reply_hours,
           k.first_out, k.unanswered_at, k.answered_at, k.reply_at,
           coalesce(k.currencies, btrim(k.loss_currency)) AS currencies,
           coalesce(k.committed, '0') AS committed, coalesce(k.issued, '0') AS issued
      FROM (SELECT c.id, c.crisis_id, c.stakeholder_id, c.owner_id, c.impact, c.estimated_loss_minor, c.loss_currency,
                   c.priority, c.description, c.status, ${CASE_SLA_COLUMNS},
                   comp.currencies, comp.committed, comp.issued
              FROM picked
              JOIN recovery_cases c ON c.id = picked.id
              ${CASE_SLA_JOINS}
              LEFT JOIN LATERAL (
                SELECT string_agg(t.currency, ';' ORDER BY t.currency) AS currencies,
                       string_agg(t.committed::text, ';' ORDER BY t.currency) AS committed,
                       string_agg(t.issued::text, ';' ORDER BY t.currency) AS issued
                  FROM (SELECT btrim(m.currency) AS currency,
                               coalesce(sum(m.value_minor) FILTER (WHERE m.status = ANY (${committed}::compensation_status[])), 0) AS committed,
                               coalesce(sum(m.value_minor) FILTER (WHERE m.status = ANY (${issued}::compensation_status[])), 0) AS issued
                          FROM compensations m
                         WHERE m.case_id = c.id
                           AND (m.status = ANY (${committed}::compensation_status[]) OR m.status = ANY (${issued}::compensation_status[]))
                         GROUP BY m.currency) t
              ) comp ON true
            OFFSET 0) k
      JOIN stakeholders s ON s.id = k.stakeholder_id
      JOIN users co ON co.id = k.owner_id
      ${STAKEHOLDER_CONTACT_JOINS}
     ORDER BY k.priority, k.opened_at, k.id, ct.name, ct.id`;
  return { name: 'cases', headers: CASE_EXPORT_HEADERS, sql, params, toRecord: toRecord(now) };
}
