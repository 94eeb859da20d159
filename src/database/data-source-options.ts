import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { QueryCounter } from './query-counter';

/** Per-connection limits; the API sets them (issue 19), workers and migrations run without. */
export interface SessionTimeouts {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export function dataSourceOptions(databaseUrl: string, logger = new QueryCounter(), timeouts?: SessionTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logger,
    maxQueryExecutionTime: 1000,
    extra: {
      max: 10,
      application_name: 'regain',
      // Sent at connect (node-postgres startup parameters), so every pooled connection has them.
      ...(timeouts ? { statement_timeout: timeouts.statementTimeoutMs, idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs } : {}),
    },
  };
}
