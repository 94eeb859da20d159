import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { databaseUrl, quoteIdent, TEST_DB_PREFIX, withAdminClient } from './test-databases';

/**
 * Migrates one template database per test run; each suite then clones it with
 * CREATE DATABASE … TEMPLATE, which takes milliseconds instead of a full migration.
 */
export default async function globalSetup(): Promise<void> {
  const template = `${TEST_DB_PREFIX}tpl_${process.pid}`;
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)}`);
    await client.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(template)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
  process.env.REGAIN_TEST_TEMPLATE_DB = template;
}
