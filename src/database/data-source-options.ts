import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { QueryCounter } from './query-counter';

export function dataSourceOptions(databaseUrl: string, logger = new QueryCounter()): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logger,
    maxQueryExecutionTime: 1000,
    extra: { max: 10, application_name: 'regain' },
  };
}
