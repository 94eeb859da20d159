import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';

/** The same server as `base`, another database. */
export function urlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function withServer(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(baseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A bench's own database, migrated, and a temporary directory; see `openBenchDatabase`. */
export interface BenchDatabase {
  /** DATABASE_URL: the server's, pointing at the configured database. */
  baseUrl: string;
  databaseUrl: string;
  /** Migrated, and without slow-query warnings (a bench's statements are slow on purpose). */
  ds: DataSource;
  dir: string;
  /** Closes `ds` if it is open, drops the database and removes the directory. */
  close(): Promise<void>;
}

/**
 * Creates database `name` afresh on DATABASE_URL's server, migrates it and makes a temporary
 * directory; if the migrations fail, drops both before throwing.
 */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const baseUrl = loadConfig().databaseUrl;
  const databaseUrl = urlFor(baseUrl, name);
  await withServer(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await withServer(baseUrl, `CREATE DATABASE ${name}`);
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl), maxQueryExecutionTime: undefined });
  const close = async () => {
    if (ds.isInitialized) await ds.destroy();
    await withServer(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ds.initialize();
    await runMigrations(ds);
  } catch (error) {
    await close();
    throw error;
  }
  return { baseUrl, databaseUrl, ds, dir, close };
}

/** Runs a bench's main, and exits non-zero with the error if it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
