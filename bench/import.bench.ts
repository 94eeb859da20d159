/**
 * How fast is the stakeholder-and-case CSV import, against a plain COPY of the same file?
 *
 *   npm run bench:import            (BENCH_ROWS=20000 npm run bench:import for a quick run)
 *
 * Creates its own database (regain_bench_import, on the server DATABASE_URL points at),
 * migrates it, adds the users (an admin, agents and partner managers) and one crisis, and
 * writes a BENCH_ROWS-row file (default 1,000,000) to a temporary file as a stream. Then:
 *   1. the baseline: one plain COPY of the file into a scratch table of text columns;
 *   2. the real import end to end, through the import pipeline's own entry points (see
 *      import-stages.ts), with the worker's job in a child process whose peak RSS is sampled.
 * Prints rows per second for each stage and overall, the ratio to the COPY and the worker's
 * peak memory; then streams the imported cases back out (GET /exports/cases.csv over HTTP) and
 * prints the export's rate and the API process's memory while it streams. Asserts nothing.
 * Drops the database and the file at the end.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { STAKEHOLDER_CSV_HEADERS } from '../src/modules/imports/stakeholder-csv-columns';
import { openBenchDatabase, runBench } from './bench-database';
import { BenchOwners, writeBenchCsv } from './import-csv';
import { runImport } from './import-stages';
import { timeExport } from './export-stage';

const BENCH_DB = 'regain_bench_import';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** BENCH_EXPLAIN_MS=200: auto_explain logs the plan of every statement slower than that (to find where the time goes). */
const EXPLAIN_MS = Number(process.env.BENCH_EXPLAIN_MS ?? 0);
const AGENTS = 20;
const PARTNER_MANAGERS = 5;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface BenchSetup {
  admin: { id: string; email: string; name: string };
  crisisId: string;
  owners: BenchOwners;
}

async function setUp(ds: DataSource): Promise<BenchSetup> {
  const [admin] = await ds.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('bench-admin@regain.local', 'Bench Admin', 'ADMIN', 'unused')
     RETURNING id, email, name`,
  );
  const users = (role: string, prefix: string, n: number) =>
    ds.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT $1 || g || '@regain.local', 'Bench ' || $1 || ' ' || g, $2::user_role, 'unused' FROM generate_series(1, $3::int) g
       RETURNING email`,
      [prefix, role, n],
    ) as Promise<{ email: string }[]>;
  const agents = (await users('AGENT', 'bench-agent-', AGENTS)).map((u) => u.email);
  const partnerManagers = (await users('PARTNER_MANAGER', 'bench-partners-', PARTNER_MANAGERS)).map((u) => u.email);
  const [{ id: crisisId }] = await ds.query(
    `INSERT INTO crises (title, category, severity, phase, detected_at) VALUES ('Bench crisis', 'PRODUCT_QUALITY', 'SEVERE', 'RESPONSE', now()) RETURNING id`,
  );
  return { admin, crisisId, owners: { agents, partnerManagers } };
}

/** The baseline: the file as it is, into text columns, by one COPY and nothing else. */
async function plainCopy(databaseUrl: string, file: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_copy_baseline (${STAKEHOLDER_CSV_HEADERS.map((h) => `${h} text`).join(', ')})`);
    const started = Date.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const ms = Date.now() - started;
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM bench_copy_baseline`)).rows;
    if (n !== ROWS) throw new Error(`COPY loaded ${n} rows, expected ${ROWS}`);
    await client.query(`DROP TABLE bench_copy_baseline`);
    return ms;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const bench = await openBenchDatabase(BENCH_DB);
  const { databaseUrl, ds } = bench;
  const file = join(bench.dir, 'stakeholders-and-cases.csv');
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig(process.env, {
      databaseUrl,
      redisPrefix: `regain-bench-import-${process.pid}`,
      runWorkerInProcess: false,
      runMigrations: false,
      loadDemoData: false,
      // The 1,000,000-row file is ~320 MB, above the default upload limit.
      importMaxFileBytes: 2 * 1024 * 1024 * 1024,
    });
    if (EXPLAIN_MS) {
      // New sessions of this database log the plan, with actual times, of every statement slower than this.
      await ds.query(`ALTER DATABASE ${BENCH_DB} SET session_preload_libraries = 'auto_explain'`);
      await ds.query(`ALTER DATABASE ${BENCH_DB} SET auto_explain.log_min_duration = ${EXPLAIN_MS}`);
      await ds.query(`ALTER DATABASE ${BENCH_DB} SET auto_explain.log_analyze = on`);
      console.log(`statements slower than ${EXPLAIN_MS} ms are logged with their plans in the PostgreSQL server log`);
    }
    const setup = await setUp(ds);

    const started = Date.now();
    await writeBenchCsv(file, ROWS, setup.owners);
    const bytes = statSync(file).size;
    console.log(`generated ${ROWS.toLocaleString('en')} rows (${mb(bytes)}) in ${seconds(Date.now() - started)}`);

    const copyMs = await plainCopy(databaseUrl, file);
    console.log(`plain COPY into a text table: ${seconds(copyMs)}, ${perSecond(ROWS, copyMs)}`);

    app = await createApp({ config, schemaFile: true });
    await app.init();
    const result = await runImport({ app, config, ds, file, actor: setup.admin, crisisId: setup.crisisId });
    const importMs = result.endToEndMs;
    for (const stage of result.stages) {
      console.log(`import ${stage.name}: ${seconds(stage.ms)}, ${perSecond(ROWS, stage.ms)}${stage.note ? ` (${stage.note})` : ''}`);
    }
    console.log(
      `import end to end: ${seconds(importMs)}, ${perSecond(ROWS, importMs)} (target ≥ 20,000 rows/s); ` +
        `${(importMs / copyMs).toFixed(1)}× the plain COPY (target ≤ 3×)`,
    );
    console.log(
      `worker peak RSS ${mb(result.workerPeakRssBytes)} (target < 300 MB), after start-up ${mb(result.workerStartRssBytes)}; ` +
        `the job ran in process ${result.workerPid}`,
    );
    const [counts] = await ds.query(
      `SELECT (SELECT count(*) FROM stakeholders)::int AS stakeholders, (SELECT count(*) FROM contacts)::int AS contacts,
              (SELECT count(*) FROM recovery_cases)::int AS cases`,
    );
    const { timingsMs, ...outcome } = (result.result ?? {}) as { timingsMs?: Record<string, number> };
    // The worker's own account of where its time went, when the pipeline records it.
    for (const [name, ms] of Object.entries(timingsMs ?? {})) console.log(`  worker ${name}: ${seconds(ms)}, ${perSecond(ROWS, ms)}`);
    console.log(`import ${result.importId} ${result.status}: ${JSON.stringify(outcome)}`);
    console.log(`imported ${counts.stakeholders.toLocaleString('en')} stakeholders, ${counts.contacts.toLocaleString('en')} contacts, ${counts.cases.toLocaleString('en')} cases`);

    // Twice: a second download that peaks where the first did shows the memory is bounded, not accumulating.
    for (const run of ['first', 'second']) {
      const exported = await timeExport(app, setup.admin.id, `/exports/cases.csv?crisisId=${setup.crisisId}`);
      const exportedRows = exported.lines - 1;
      console.log(
        `export of the cases (GET /exports/cases.csv, ${run} run): ${exportedRows.toLocaleString('en')} rows, ${mb(exported.bytes)} in ` +
          `${seconds(exported.ms)}, ${perSecond(exportedRows, exported.ms)}; API process RSS ${mb(exported.rssBeforeBytes)} before, ` +
          `${mb(exported.rssPeakBytes)} at most while streaming (heap in use at most ${mb(exported.heapPeakBytes)})`,
      );
    }
  } finally {
    await app?.close();
    await bench.close();
  }
}

runBench(main);
