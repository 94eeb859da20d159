import { Clock } from '../../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ErrorCode } from '../../common/errors/error-code';
import { RevenueMonthInput } from './dto/revenue-month.input';
import { revenueLockSql, revenueUpsertCtes } from './revenue-month-upsert.sql';
import { SignalBatch, throwIfRejected } from './signal-batch';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { loadStakeholders } from './signal-references';
import { canRecordOnStakeholder, firstOfMonth, revenueMonthProblem, signalMessages } from './signal-rules';
import { SignalRowStatus } from './signal-row-status.enum';
import { StakeholderRevenueMonthEntity } from './stakeholder-revenue-month.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** The mutation's rows as arrays: $1 stakeholder ids, $2 months, $3 amounts, $4 currencies; $5 the actor. */
const LOCK_SQL = revenueLockSql(`SELECT * FROM unnest($1::uuid[], $2::date[])`);

const UPSERT_SQL = `${revenueUpsertCtes({
  input: `SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[], $4::char(3)[])`,
  actor: '$5::uuid',
  onConflict: 'UPDATE',
})}
SELECT u.stakeholder_id, to_char(u.month, 'YYYY-MM-DD') AS month, p.stakeholder_id IS NULL AS created
  FROM upserted u LEFT JOIN previous p USING (stakeholder_id, month)`;

const MAX_BIGINT = 9_223_372_036_854_775_807n;

@Injectable()
export class RevenueMonthsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async recordOne(actor: AuthUser, input: RevenueMonthInput): Promise<StakeholderRevenueMonthEntity> {
    throwIfRejected(await this.record(actor, [input], false));
    return this.dataSource
      .getRepository(StakeholderRevenueMonthEntity)
      .findOneByOrFail({ stakeholderId: input.stakeholderId, month: firstOfMonth(input.month) as string });
  }

  record(actor: AuthUser, input: readonly object[], acceptPartial: boolean): Promise<SignalBatchResultModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
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
    const now = this.clock.now();
    const seen = new Map<string, number>();
    for (const { index, row } of rows) {
      const month = firstOfMonth(row.month) as string;
      if (BigInt(row.amount.amountMinor) > MAX_BIGINT) batch.reject(index, 'amount.amountMinor', ErrorCode.BadUserInput, 'amountMinor is too large');
      const notStarted = revenueMonthProblem(month, now);
      if (notStarted) batch.reject(index, 'month', ErrorCode.BadUserInput, notStarted);
      const key = `${row.stakeholderId}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) {
        batch.reject(index, 'month', ErrorCode.BadUserInput, signalMessages.revenueMonthRepeated(`Row ${first}`, month.slice(0, 7)));
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
          signalMessages.stakeholderOutOfScope(stakeholder.name, 'revenue'),
        );
      }
      if (stakeholder.baselineCurrency && stakeholder.baselineCurrency !== row.amount.currency) {
        batch.reject(
          index,
          'amount.currency',
          ErrorCode.BadUserInput,
          signalMessages.revenueCurrency(stakeholder.name, stakeholder.baselineCurrency, row.amount.currency),
        );
      }
    }
  }
}
