import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RevenueMonthInput } from './dto/revenue-month.input';
import { SignalBatch, throwIfRejected } from './signal-batch';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { loadStakeholders } from './signal-references';
import { canRecordOnStakeholder, firstOfMonth } from './signal-rules';
import { SignalRowStatus } from './signal-row-status.enum';
import { StakeholderRevenueMonthEntity } from './stakeholder-revenue-month.entity';

/**
 * Upserts the good rows in one statement and writes one audit entry per changed month
 * (money: before and after) in the same statement; an identical month is left alone. The
 * months are locked by LOCK_SQL first: a row lock taken inside this statement would skip the
 * rows the statement itself updates, and the before values must be the latest committed ones.
 */
const LOCK_SQL = `
SELECT 1 FROM stakeholder_revenue_months r
  JOIN unnest($1::uuid[], $2::date[]) AS k(stakeholder_id, month) USING (stakeholder_id, month)
   FOR UPDATE OF r`;

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[], $4::char(3)[]) AS k(stakeholder_id, month, amount_minor, currency)
),
previous AS (
  SELECT r.stakeholder_id, r.month, r.amount_minor, r.currency
    FROM stakeholder_revenue_months r JOIN input k USING (stakeholder_id, month)
),
upserted AS (
  INSERT INTO stakeholder_revenue_months AS r (stakeholder_id, month, amount_minor, currency, recorded_by_id)
  SELECT stakeholder_id, month, amount_minor, currency, $5 FROM input
  ON CONFLICT (stakeholder_id, month) DO UPDATE
     SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
         recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()
   WHERE (r.amount_minor, r.currency) IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.currency)
  RETURNING r.stakeholder_id, r.month, r.amount_minor, r.currency
),
audited AS (
  INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
  SELECT $5, '${AuditedRecord.STAKEHOLDER}', u.stakeholder_id, 'REVENUE_MONTH_RECORDED',
         CASE WHEN p.stakeholder_id IS NOT NULL THEN
           jsonb_build_object('month', p.month, 'amountMinor', p.amount_minor::text, 'currency', p.currency) END,
         jsonb_build_object('month', u.month, 'amountMinor', u.amount_minor::text, 'currency', u.currency)
    FROM upserted u LEFT JOIN previous p USING (stakeholder_id, month)
)
SELECT u.stakeholder_id, to_char(u.month, 'YYYY-MM-DD') AS month, p.stakeholder_id IS NULL AS created
  FROM upserted u LEFT JOIN previous p USING (stakeholder_id, month)`;

const MAX_BIGINT = 9_223_372_036_854_775_807n;

@Injectable()
export class RevenueMonthsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordOne(actor: AuthUser, input: RevenueMonthInput): Promise<StakeholderRevenueMonthEntity> {
    throwIfRejected(await this.record(actor, [input], false));
    return this.dataSource
      .getRepository(StakeholderRevenueMonthEntity)
      .findOneByOrFail({ stakeholderId: input.stakeholderId, month: firstOfMonth(input.month) as string });
  }

  record(actor: AuthUser, input: readonly object[], acceptPartial: boolean): Promise<SignalBatchResultModel> {
    return this.dataSource.transaction(async (manager) => {
      const batch = new SignalBatch(RevenueMonthInput, input);
      await this.check(manager, actor, batch);
      if (batch.hasRejections && !acceptPartial) return batch.result(false);
      const good = batch.valid();
      if (good.length === 0) return batch.result(true);
      await manager.query(LOCK_SQL, [good.map(({ row }) => row.stakeholderId), good.map(({ row }) => firstOfMonth(row.month))]);
      const changed: { stakeholder_id: string; month: string; created: boolean }[] = await manager.query(UPSERT_SQL, [
        good.map(({ row }) => row.stakeholderId),
        good.map(({ row }) => firstOfMonth(row.month)),
        good.map(({ row }) => row.amount.amountMinor),
        good.map(({ row }) => row.amount.currency),
        actor.id,
      ]);
      const byKey = new Map(changed.map((c) => [`${c.stakeholder_id}|${c.month}`, c.created]));
      for (const { index, row } of good) {
        const created = byKey.get(`${row.stakeholderId}|${firstOfMonth(row.month)}`);
        batch.mark(index, created === undefined ? SignalRowStatus.UNCHANGED : created ? SignalRowStatus.CREATED : SignalRowStatus.UPDATED);
      }
      return batch.result(true);
    });
  }

  private async check(manager: EntityManager, actor: AuthUser, batch: SignalBatch<RevenueMonthInput>): Promise<void> {
    const rows = batch.valid();
    const stakeholders = await loadStakeholders(manager, rows.map((r) => r.row.stakeholderId));
    const now = new Date();
    const currentMonth = `${now.toISOString().slice(0, 7)}-01`;
    const seen = new Map<string, number>();
    for (const { index, row } of rows) {
      const month = firstOfMonth(row.month) as string;
      if (BigInt(row.amount.amountMinor) > MAX_BIGINT) batch.reject(index, 'amount.amountMinor', ErrorCode.BadUserInput, 'amountMinor is too large');
      if (month > currentMonth) batch.reject(index, 'month', ErrorCode.BadUserInput, `${row.month} has not started yet`);
      const key = `${row.stakeholderId}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) {
        batch.reject(index, 'month', ErrorCode.BadUserInput, `Row ${first} already gives this stakeholder's revenue for ${month.slice(0, 7)}`);
      } else {
        seen.set(key, index);
      }
      const stakeholder = stakeholders.get(row.stakeholderId);
      if (!stakeholder) {
        batch.reject(index, 'stakeholderId', ErrorCode.NotFound, `Stakeholder ${row.stakeholderId} does not exist`);
        continue;
      }
      if (!canRecordOnStakeholder(actor, stakeholder, stakeholder.caseOwnerIds)) {
        batch.reject(
          index,
          'stakeholderId',
          ErrorCode.Forbidden,
          `Only the owner of ${stakeholder.name} or of one of its cases, leadership or an admin may record its revenue`,
        );
      }
      if (stakeholder.baselineCurrency && stakeholder.baselineCurrency !== row.amount.currency) {
        batch.reject(
          index,
          'amount.currency',
          ErrorCode.BadUserInput,
          `${stakeholder.name}'s baseline is in ${stakeholder.baselineCurrency}; record its revenue in ${stakeholder.baselineCurrency}, not ${row.amount.currency}`,
        );
      }
    }
  }
}
