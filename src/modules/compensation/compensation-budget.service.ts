import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { MoneyInput } from '../../common/money/money.input';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CrisisEntity } from '../crises/crisis.entity';
import { BurnDownGranularity } from './burn-down-granularity.enum';
import { COMMITTED_NOT_ISSUED_STATUSES, RETAINED_STATUSES } from './reporting-statuses';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface BudgetRow {
  crisisId: string;
  currency: string;
  budget: string | null;
  committed: string;
  issued: string;
  remaining: string | null;
  setById: string | null;
  setAt: Date | null;
}

export interface BurnDownRow {
  currency: string;
  periodStart: string;
  issuedInPeriod: string;
  issuedToDate: string;
}

/** date_trunc units and series steps; fixed strings, never client input. */
const PERIODS: Record<BurnDownGranularity, { unit: string; step: string }> = {
  [BurnDownGranularity.DAY]: { unit: 'day', step: '1 day' },
  [BurnDownGranularity.WEEK]: { unit: 'week', step: '1 week' },
};

/** Approved-or-issued compensation of one crisis, as a CTE over $1 = crisis id. */
const CRISIS_SPEND = `
  SELECT c.currency, c.status, c.value_minor, c.issued_at
    FROM compensations c JOIN recovery_cases rc ON rc.id = c.case_id
   WHERE rc.crisis_id = $1 AND c.status = ANY(CAST($2 AS compensation_status[]))`;

/** A crisis's compensation budget per currency (set by leadership), and how it is used. */
@Injectable()
export class CompensationBudgetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Sets the budget in the input's currency; audited on the crisis. Setting the same amount writes nothing. */
  async set(actor: AuthUser, crisisId: string, budget: MoneyInput): Promise<BudgetRow> {
    const amount = BigInt(budget.amountMinor);
    if (amount < 0n) throw AppException.badInput('The budget must not be negative');
    await withTransactionRetry(this.dataSource, async (manager) => {
      const crisis = await manager.findOneBy(CrisisEntity, { id: crisisId });
      if (!crisis) throw AppException.notFound('Crisis', crisisId);
      // Insert-or-lock: two leaders setting the same currency at once queue on the row, so each
      // audit entry's "before" is the amount it really replaced.
      const inserted = await manager.query(
        `INSERT INTO compensation_budgets (crisis_id, currency, amount_minor, set_by_id, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (crisis_id, currency) DO NOTHING RETURNING crisis_id`,
        [crisisId, budget.currency, budget.amountMinor, actor.id, this.clock.now()],
      );
      let before: string | null = null;
      if (!inserted.length) {
        const [row] = await manager.query(
          `SELECT amount_minor::text AS amount FROM compensation_budgets WHERE crisis_id = $1 AND currency = $2 FOR UPDATE`,
          [crisisId, budget.currency],
        );
        before = row.amount as string;
        if (BigInt(before) === amount) return;
        await manager.query(
          `UPDATE compensation_budgets SET amount_minor = $3, set_by_id = $4, set_at = $5 WHERE crisis_id = $1 AND currency = $2`,
          [crisisId, budget.currency, budget.amountMinor, actor.id, this.clock.now()],
        );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.CRISIS,
        recordId: crisisId,
        action: 'COMPENSATION_BUDGET_SET',
        before: before === null ? null : { currency: budget.currency, amountMinor: before },
        after: { currency: budget.currency, amountMinor: amount.toString() },
      });
    });
    const rows = await this.budgets(crisisId);
    return rows.find((r) => r.currency === budget.currency)!;
  }

  /** One row per currency with a budget or approved/issued compensation, by currency. */
  async budgets(crisisId: string): Promise<BudgetRow[]> {
    const rows: BudgetRow[] = await this.dataSource.query(
      `WITH spend AS (
         SELECT currency,
                coalesce(sum(value_minor) FILTER (WHERE status = ANY(CAST($3 AS compensation_status[]))), 0) AS committed,
                coalesce(sum(value_minor) FILTER (WHERE status = ANY(CAST($4 AS compensation_status[]))), 0) AS issued
           FROM (${CRISIS_SPEND}) x GROUP BY currency),
       keys AS (SELECT currency FROM compensation_budgets WHERE crisis_id = $1 UNION SELECT currency FROM spend)
       SELECT $1::uuid AS "crisisId", k.currency, b.amount_minor::text AS budget,
              coalesce(s.committed, 0)::text AS committed, coalesce(s.issued, 0)::text AS issued,
              (b.amount_minor - coalesce(s.committed, 0) - coalesce(s.issued, 0))::text AS remaining,
              b.set_by_id AS "setById", b.set_at AS "setAt"
         FROM keys k
         LEFT JOIN compensation_budgets b ON b.crisis_id = $1 AND b.currency = k.currency
         LEFT JOIN spend s ON s.currency = k.currency
        ORDER BY k.currency`,
      [crisisId, [...COMMITTED_NOT_ISSUED_STATUSES, ...RETAINED_STATUSES], COMMITTED_NOT_ISSUED_STATUSES, RETAINED_STATUSES],
    );
    if (!rows.length) await this.assertCrisisExists(crisisId);
    return rows;
  }

  /**
   * Cumulative retained issued value per period, from the period of the crisis's start (or its
   * detection) to the current one, in UTC, for every currency of `budgets`. Based on current
   * statuses: a compensation declined later drops out of every period.
   */
  burnDown(crisisId: string, granularity: BurnDownGranularity): Promise<BurnDownRow[]> {
    const { unit, step } = PERIODS[granularity];
    return this.dataSource.query(
      `WITH bounds AS (
         SELECT date_trunc('${unit}', coalesce(started_at, detected_at) AT TIME ZONE 'UTC') AS first_period,
                date_trunc('${unit}', greatest($4::timestamptz, coalesce(started_at, detected_at)) AT TIME ZONE 'UTC') AS last_period
           FROM crises WHERE id = $1),
       periods AS (SELECT generate_series(first_period, last_period, interval '${step}') AS period_start FROM bounds),
       spend AS (${CRISIS_SPEND}),
       currencies AS (SELECT currency FROM compensation_budgets WHERE crisis_id = $1 UNION SELECT currency FROM spend),
       issued AS (
         SELECT s.currency, greatest(date_trunc('${unit}', s.issued_at AT TIME ZONE 'UTC'), b.first_period) AS period_start,
                sum(s.value_minor) AS amount
           FROM spend s CROSS JOIN bounds b
          WHERE s.status = ANY(CAST($3 AS compensation_status[]))
          GROUP BY 1, 2)
       SELECT cur.currency, to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart",
              coalesce(i.amount, 0)::text AS "issuedInPeriod",
              (sum(coalesce(i.amount, 0)) OVER (PARTITION BY cur.currency ORDER BY p.period_start))::text AS "issuedToDate"
         FROM currencies cur
        CROSS JOIN periods p
         LEFT JOIN issued i ON i.currency = cur.currency AND i.period_start = p.period_start
        ORDER BY cur.currency, p.period_start`,
      [crisisId, [...COMMITTED_NOT_ISSUED_STATUSES, ...RETAINED_STATUSES], RETAINED_STATUSES, this.clock.now()],
    );
  }

  private async assertCrisisExists(crisisId: string): Promise<void> {
    const found = await this.dataSource.query(`SELECT 1 FROM crises WHERE id = $1`, [crisisId]);
    if (!found.length) throw AppException.notFound('Crisis', crisisId);
  }
}
