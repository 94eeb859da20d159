import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';

/**
 * The exports' own small pool (EXPORT_POOL_SIZE), apart from the API's: an export holds its
 * connection until the client has read the last row, so slow readers must never take the
 * connections that people's requests need (issue 19). Its statements may run for
 * EXPORT_STATEMENT_TIMEOUT_MS, which also cuts off a reader slower than that. When every
 * connection is busy for a few seconds the export is refused (429), not queued without bound.
 */
@Injectable()
export class ExportPool implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: config.exportPoolSize,
      application_name: 'regain-exports',
      statement_timeout: config.exportStatementTimeoutMs,
      idle_in_transaction_session_timeout: config.dbIdleInTransactionTimeoutMs,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server closed must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      if (error instanceof Error && /timeout/i.test(error.message)) {
        throw new AppException(ErrorCode.RateLimited, 'Every export connection is busy; try again in a minute', { retryAfterSeconds: 30 });
      }
      throw error;
    }
  }

  /** Connections checked out now (streaming an export). */
  inUse(): number {
    return this.pool.totalCount - this.pool.idleCount;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
