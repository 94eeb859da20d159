import { Clock } from '../../common/clock/clock';
import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import { revenueLockSql, revenueUpsertCtes } from '../signals/revenue-month-upsert.sql';
import { signalMessages, sqlFormatTemplate } from '../signals/signal-rules';
import { ImportContext, ImportCounts, ImportProfile, RowVerdict } from './import-profile';
import { DuplicateMode, ImportKind } from './import.enums';
import { REVENUE_CSV_COLUMNS } from './signal-csv-columns';
import { lockAndResolveStakeholders, outOfScopeSql, rejectLaterDuplicates } from './signal-import-checks';
import { revenueRowRules } from './signal-row-rules';
import { OK, reject } from './stakeholder-import-checks';

const OUT_OF_SCOPE = sqlFormatTemplate((name) => signalMessages.stakeholderOutOfScope(name, 'revenue'), 1);
const WRONG_CURRENCY = sqlFormatTemplate(signalMessages.revenueCurrency, 3);
const REPEATED_MONTH = sqlFormatTemplate(signalMessages.revenueMonthRepeated, 2);

/**
 * Revenue per stakeholder and calendar month into stakeholder_revenue_months, written and
 * audited by the same statement as recordRevenueMonths (revenue-month-upsert.sql.ts).
 *
 * Duplicates: a later line for a stakeholder and month an earlier line already gives is
 * rejected (as the mutation rejects a repeated row). A month already in Regain with the same
 * amount and currency is unchanged in either mode; with another one, SKIP leaves it as it is
 * (monthsSkipped) and UPDATE replaces it, as recording the month again through GraphQL does,
 * with the before and after in its audit entry. Importing the same file twice changes nothing.
 */
@Injectable()
export class RevenueImportProfile implements ImportProfile {
  readonly kind = ImportKind.REVENUE;
  readonly columns = REVENUE_CSV_COLUMNS;
  readonly stagingExtraColumns = `stakeholder_id uuid, stakeholder_name text, stakeholder_owner_id uuid, baseline_currency text, action text`;

  constructor(private readonly clock: Clock) {}

  rowValidator(): (values: (string | null)[]) => RowVerdict {
    return revenueRowRules(this.clock.now());
  }

  async checkInDatabase(runner: QueryRunner, ctx: ImportContext): Promise<void> {
    // What the merge does with each row is decided in the same pass (one rewrite of the staging table
    // fewer); rows the later checks reject keep an action nobody reads.
    await lockAndResolveStakeholders(
      runner,
      ctx.stage,
      `baseline_currency = st.baseline_currency, action = coalesce((
         SELECT CASE WHEN r.amount_minor = s.amount_minor::bigint AND r.currency = s.currency THEN 'UNCHANGED'
                     WHEN $1 THEN 'SKIP' ELSE 'UPDATE' END
         FROM stakeholder_revenue_months r WHERE r.stakeholder_id = st.id AND r.month = s.month::date), 'CREATE')`,
      [ctx.duplicateMode === DuplicateMode.SKIP],
    );
    const scope = outOfScopeSql(ctx.actor.role, 'stakeholder');
    if (scope) await reject(runner, ctx.stage, `'external_ref'`, `format($2, s.stakeholder_name)`, '', scope, [ctx.actor.id, OUT_OF_SCOPE]);
    await reject(
      runner,
      ctx.stage,
      `'currency'`,
      `format($1, s.stakeholder_name, s.baseline_currency, s.currency)`,
      '',
      `s.baseline_currency IS NOT NULL AND s.baseline_currency <> s.currency`,
      [WRONG_CURRENCY],
    );
    // Last, among the rows still accepted: a rejected first line does not take its month away from a good later one.
    await rejectLaterDuplicates(runner, ctx.stage, ['external_ref', 'month'], `'month'`, `format($1, 'line ' || f.line, left(s.month, 7))`, [REPEATED_MONTH]);
  }

  async plan(runner: QueryRunner, ctx: ImportContext): Promise<ImportCounts> {
    const [counts] = await runner.query(`
      SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS "monthsCreated",
             count(*) FILTER (WHERE action = 'UPDATE')::int AS "monthsUpdated",
             count(*) FILTER (WHERE action = 'UNCHANGED')::int AS "monthsUnchanged",
             count(*) FILTER (WHERE action = 'SKIP')::int AS "monthsSkipped"
      FROM ${ctx.stage} WHERE error_reason IS NULL`);
    return counts as ImportCounts;
  }

  async merge(runner: QueryRunner, ctx: ImportContext, fromLine: number, toLine: number): Promise<ImportCounts> {
    const range = `s.line BETWEEN $1 AND $2 AND ${OK}`;
    await runner.query(revenueLockSql(`SELECT s.stakeholder_id, s.month::date FROM ${ctx.stage} s WHERE ${range} AND s.action = 'UPDATE'`), [fromLine, toLine]);
    const [row] = await runner.query(
      `${revenueUpsertCtes({
        input: `SELECT s.stakeholder_id, s.month::date, s.amount_minor::bigint, s.currency::char(3) FROM ${ctx.stage} s
                WHERE ${range} AND s.action IN ('CREATE', 'UPDATE')`,
        actor: '$3::uuid',
        // SKIP plans no UPDATE; NOTHING also keeps a month someone recorded since the checks.
        onConflict: ctx.duplicateMode === DuplicateMode.UPDATE ? 'UPDATE' : 'NOTHING',
        auditAfterExtra: `jsonb_build_object('importId', $4::uuid)`,
      })}
      SELECT count(*) FILTER (WHERE p.stakeholder_id IS NULL)::int AS created, count(*) FILTER (WHERE p.stakeholder_id IS NOT NULL)::int AS updated
        FROM upserted u LEFT JOIN previous p USING (stakeholder_id, month)`,
      [fromLine, toLine, ctx.actor.id, ctx.importId],
    );
    return { monthsCreated: row.created, monthsUpdated: row.updated };
  }
}
