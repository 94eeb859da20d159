import { AuditedRecord } from '../audit/audited-record.enum';

/**
 * The revenue-month write, shared by recordRevenueMonth(s) and the REVENUE import so that both
 * store and audit a month the same way. `input` is any SQL source of
 * (stakeholder_id uuid, month date, amount_minor bigint, currency char(3)): an unnest of the
 * mutation's arrays, or the import's staging table.
 */
export interface RevenueUpsertOptions {
  input: string;
  /** SQL expression of the acting user's id. */
  actor: string;
  /**
   * UPDATE replaces a month whose amount or currency differs (what the mutation does);
   * NOTHING leaves a month already in Regain as it is (an import with DuplicateMode SKIP).
   */
  onConflict: 'UPDATE' | 'NOTHING';
  /** SQL jsonb added to each audit entry's after (the import adds its id). */
  auditAfterExtra?: string;
}

/**
 * Locks the months the input names that already exist. Run it before the upsert: a row lock
 * taken inside the upsert would skip the rows the statement itself updates, and the before
 * values of the audit must be the latest committed ones.
 */
export function revenueLockSql(input: string): string {
  return `
SELECT 1 FROM stakeholder_revenue_months r
  JOIN (${input}) AS k(stakeholder_id, month) USING (stakeholder_id, month)
 ORDER BY r.stakeholder_id, r.month
   FOR UPDATE OF r`;
}

/**
 * Upserts the input and writes one audit entry per created or changed month (money: before and
 * after) in the same statement; an identical month is left alone. Ends with the CTEs `upserted`
 * and `previous`: the caller appends its own final SELECT (a data-modifying WITH must be the
 * top level of its statement, so it cannot be wrapped).
 */
export function revenueUpsertCtes(options: RevenueUpsertOptions): string {
  const conflict =
    options.onConflict === 'UPDATE'
      ? `DO UPDATE
     SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
         recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()
   WHERE (r.amount_minor, r.currency) IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.currency)`
      : 'DO NOTHING';
  return `
WITH input AS (
  SELECT * FROM (${options.input}) AS k(stakeholder_id, month, amount_minor, currency)
),
previous AS (
  SELECT r.stakeholder_id, r.month, r.amount_minor, r.currency
    FROM stakeholder_revenue_months r JOIN input k USING (stakeholder_id, month)
),
upserted AS (
  INSERT INTO stakeholder_revenue_months AS r (stakeholder_id, month, amount_minor, currency, recorded_by_id)
  SELECT stakeholder_id, month, amount_minor, currency, ${options.actor} FROM input
  ON CONFLICT (stakeholder_id, month) ${conflict}
  RETURNING r.stakeholder_id, r.month, r.amount_minor, r.currency
),
audited AS (
  INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
  SELECT ${options.actor}, '${AuditedRecord.STAKEHOLDER}', u.stakeholder_id, 'REVENUE_MONTH_RECORDED',
         CASE WHEN p.stakeholder_id IS NOT NULL THEN
           jsonb_build_object('month', p.month, 'amountMinor', p.amount_minor::text, 'currency', p.currency) END,
         jsonb_build_object('month', u.month, 'amountMinor', u.amount_minor::text, 'currency', u.currency)${
           options.auditAfterExtra ? ` || ${options.auditAfterExtra}` : ''
         }
    FROM upserted u LEFT JOIN previous p USING (stakeholder_id, month)
)`;
}
