import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isTransientPgError } from '../errors/pg-error';

export interface TransactionRetryOptions {
  isolation?: IsolationLevel;
  /** Runs in all, the first included. */
  attempts?: number;
}

export const DEFAULT_TRANSACTION_ATTEMPTS = 3;

/** 10 ms, 20 ms, 40 ms… each plus up to as much again at random, so that the losers of one race do not meet again. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = 10 * 2 ** (attempt - 1);
  return Math.round(base + base * random());
}

/**
 * Runs `work` in a transaction, and runs it again (at most `attempts` times in all, after a
 * short jittered pause) when PostgreSQL ends it with a deadlock (40P01) or a serialization
 * failure (40001): the transaction lost a race, nothing of it was kept, and a new run sees the
 * winner's committed rows. What still fails reaches the error formatter, which answers
 * CONFLICT. `work` must touch nothing outside the transaction (enqueue jobs after it returns),
 * and keep no state across runs, since it may run more than once.
 */
export async function withTransactionRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_TRANSACTION_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return options.isolation ? await dataSource.transaction(options.isolation, work) : await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isTransientPgError(error)) throw error;
      await sleep(retryDelayMs(attempt));
    }
  }
}
