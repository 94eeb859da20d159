import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { TRUST_SNAPSHOT_SQL } from './trust-snapshot.sql';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface TrustSnapshotRunOptions {
  /** The run's "now": the current month is measured at this instant. */
  now?: Date;
  crisisId?: string | null;
  /** Only months starting on or after this date ('YYYY-MM-01'); all months when absent (backfill). */
  fromMonth?: string | null;
  /** Cases per statement; each batch commits on its own, so a rerun after a crash redoes little. */
  batchSize?: number;
  /** Batches run at once, each on its own connection. */
  concurrency?: number;
}

export interface TrustSnapshotRunResult {
  /** Snapshots inserted or changed; identical ones are left alone. */
  snapshots: number;
  batches: number;
  milliseconds: number;
}

/** The first day of the month before `now`'s (UTC): the nightly refresh also closes last month. */
export function previousMonthStart(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Writes one snapshot per case and calendar month since its crisis started, recomputed in
 * place (ON CONFLICT (case_id, month_index) DO UPDATE), so running it again, or concurrently,
 * gives the same rows. Set-based: one statement per batch of cases, never per case.
 */
@Injectable()
export class TrustSnapshotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async run(options: TrustSnapshotRunOptions = {}): Promise<TrustSnapshotRunResult> {
    const started = Date.now();
    const now = options.now ?? this.clock.now();
    const crisisId = options.crisisId ?? null;
    const batchSize = options.batchSize ?? 10_000;
    // Batch boundaries: every batchSize-th case id, so each statement covers a contiguous id range.
    const bounds: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM recovery_cases WHERE ($1::uuid IS NULL OR crisis_id = $1::uuid)) b
        WHERE (n - 1) % $2 = 0 ORDER BY id`,
      [crisisId, batchSize],
    );
    const [settings] = await this.dataSource.query(`SELECT lookback_months, recent_months FROM trust_settings LIMIT 1`);
    let next = 0;
    let snapshots = 0;
    // Two batches at a time: one per core of a small machine; each commits on its own.
    const worker = async () => {
      while (next < bounds.length) {
        const i = next;
        next += 1;
        const lower = bounds[i].id;
        const upper = bounds[i + 1]?.id ?? null;
        const written = await withTransactionRetry(this.dataSource, async (manager) => {
          // Hash joins, sorts and windows over a batch's (case, month) rows stay in memory.
          await manager.query(`SET LOCAL work_mem = '64MB'`);
          // JIT would compile the statement's large expressions anew for every batch: seconds, for nothing.
          await manager.query(`SET LOCAL jit = off`);
          const [{ written }] = await manager.query(TRUST_SNAPSHOT_SQL, [
            now.toISOString(),
            crisisId,
            options.fromMonth ?? null,
            lower,
            upper,
            settings.lookback_months - 1,
            settings.recent_months - 1,
          ]);
          return written as number;
        });
        snapshots += written;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    return { snapshots, batches: bounds.length, milliseconds: Date.now() - started };
  }
}
