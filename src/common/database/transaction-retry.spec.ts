import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { retryDelayMs, withTransactionRetry } from './transaction-retry';

function pgFailure(code: string): QueryFailedError {
  const driverError = Object.assign(new Error(`failure ${code}`), { code });
  return new QueryFailedError('SELECT 1', [], driverError);
}

/** A DataSource whose transactions fail with the given errors, in turn, then succeed. */
function failingDataSource(failures: Error[]): { dataSource: DataSource; runs: () => number } {
  let runs = 0;
  const dataSource = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      runs += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, runs: () => runs };
}

describe('withTransactionRetry', () => {
  it('runs a transaction again after a deadlock or a serialization failure', async () => {
    const { dataSource, runs } = failingDataSource([pgFailure('40P01'), pgFailure('40001')]);
    await expect(withTransactionRetry(dataSource, async () => 'done')).resolves.toBe('done');
    expect(runs()).toBe(3);
  });

  it('gives up after the attempts, with the last failure', async () => {
    const { dataSource, runs } = failingDataSource([pgFailure('40P01'), pgFailure('40P01'), pgFailure('40001'), pgFailure('40001')]);
    await expect(withTransactionRetry(dataSource, async () => 'done')).rejects.toThrow('failure 40001');
    expect(runs()).toBe(3);
  });

  it('never runs again after any other failure', async () => {
    const { dataSource, runs } = failingDataSource([pgFailure('23505')]);
    await expect(withTransactionRetry(dataSource, async () => 'done')).rejects.toThrow('failure 23505');
    expect(runs()).toBe(1);
  });

  it('waits a little longer each time, with jitter up to the base again', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, () => 0))).toEqual([10, 20, 40]);
    expect([1, 2, 3].map((a) => retryDelayMs(a, () => 0.999))).toEqual([20, 40, 80]);
  });
});
