/**
 * How fast are the REVENUE and SURVEYS imports?
 *
 *   npm run bench:signal-import     (BENCH_ROWS=50000 for a quick run; default 500,000 rows per file;
 *                                    BENCH_KIND=REVENUE or SURVEYS for one of the two)
 *
 * Creates its own database (regain_bench_signal_import), migrates it, adds BENCH_ROWS / 10
 * stakeholders, each with a case in one crisis, and writes two files: ten months of revenue per
 * stakeholder, and ten survey responses per stakeholder. Each goes through the pipeline's own
 * entry points in this process: ImportsService.createFromStream (upload into PostgreSQL and the
 * dry run), then ImportRunner.run (the worker's job: checks and merge in one transaction). Each
 * file is imported twice; the second run (everything unchanged) shows the cost of a re-import.
 * Prints rows per second per stage. Asserts nothing. Drops the database and the files at the end.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { DuplicateMode, ImportKind } from '../src/modules/imports/import.enums';
import { ImportRunner } from '../src/modules/imports/import-runner.service';
import { ImportsService } from '../src/modules/imports/imports.service';
import { ImportValidator } from '../src/modules/imports/import-validator.service';
import { UserRole } from '../src/modules/users/user-role.enum';
import { openBenchDatabase, runBench } from './bench-database';

const BENCH_DB = 'regain_bench_signal_import';
const ROWS = Number(process.env.BENCH_ROWS ?? 500_000);
const PER_STAKEHOLDER = 10;
const STAKEHOLDERS = Math.ceil(ROWS / PER_STAKEHOLDER);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

async function writeFile(path: string, header: string, line: (stakeholder: number, n: number) => string): Promise<void> {
  function* lines(): Generator<string> {
    yield `${header}\n`;
    for (let s = 0; s < STAKEHOLDERS; s += 1) {
      let chunk = '';
      for (let n = 0; n < PER_STAKEHOLDER; n += 1) chunk += `${line(s, n)}\n`;
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const bench = await openBenchDatabase(BENCH_DB);
  const { databaseUrl, ds, dir } = bench;
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig(process.env, {
      databaseUrl,
      redisPrefix: `regain-bench-signal-import-${process.pid}`,
      runWorkerInProcess: false,
      runMigrations: false,
      loadDemoData: false,
      importMaxFileBytes: 2 * 1024 * 1024 * 1024,
    });
    const [admin] = await ds.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('bench-admin@regain.local', 'Bench Admin', 'ADMIN', 'unused') RETURNING id, email, name`,
    );
    const [{ id: crisisId }] = await ds.query(
      `INSERT INTO crises (title, category, severity, phase, started_at, detected_at)
       VALUES ('Bench crisis', 'PRODUCT_QUALITY', 'SEVERE', 'RESPONSE', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO stakeholders (kind, name, external_ref, baseline_monthly_revenue_minor, baseline_currency)
       SELECT 'CUSTOMER', 'Bench customer ' || g, 'SIG-' || g, 100000, 'EUR' FROM generate_series(0, $1::int - 1) g`,
      [STAKEHOLDERS],
    );
    await ds.query(
      `INSERT INTO recovery_cases (crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, description, owner_id, status,
                                   priority, status_changed_at, opened_by_id)
       SELECT $1, s.id, 'MEDIUM', 0, 'EUR', '', $2, 'IDENTIFIED', 'NORMAL', now(), $2 FROM stakeholders s`,
      [crisisId, admin.id],
    );
    const revenueFile = join(dir, 'revenue.csv');
    const surveyFile = join(dir, 'surveys.csv');
    await writeFile(revenueFile, 'external_ref,month,amount_minor,currency', (s, n) => `SIG-${s},2026-${String(n + 1).padStart(2, '0')},${90000 + n * 100},EUR`);
    await writeFile(
      surveyFile,
      'external_ref,contact_email,kind,score,responded_at,comment,is_pre_crisis',
      (s, n) => `SIG-${s},,NPS,${(s + n) % 11},2026-${String(n + 1).padStart(2, '0')}-15T10:00:00Z,,`,
    );
    console.log(`${STAKEHOLDERS.toLocaleString('en')} stakeholders with a case each; ${(STAKEHOLDERS * PER_STAKEHOLDER).toLocaleString('en')} rows per file`);

    app = await createApp({ config, schemaFile: true });
    await app.init();
    const imports = app.get(ImportsService);
    const runner = app.get(ImportRunner);
    const actor = { ...admin, role: UserRole.ADMIN };
    const rows = STAKEHOLDERS * PER_STAKEHOLDER;
    const kinds = ([[ImportKind.REVENUE, revenueFile], [ImportKind.SURVEYS, surveyFile]] as const).filter(([k]) => !process.env.BENCH_KIND || process.env.BENCH_KIND === k);
    for (const [kind, file] of kinds) {
      for (const pass of ['first', 'again (unchanged)']) {
        const begun = Date.now();
        const validated = await imports.createFromStream(actor, createReadStream(file), {
          kind,
          fileName: `bench-${kind.toLowerCase()}.csv`,
          crisisId: kind === ImportKind.SURVEYS ? crisisId : null,
          duplicateMode: DuplicateMode.UPDATE,
        });
        // The dry run is a worker job now; run it here (a worker that took it first is waited for).
        await app.get(ImportValidator).validate(validated.id);
        while ((await ds.query(`SELECT status FROM imports WHERE id = $1`, [validated.id]))[0].status !== 'VALIDATED') {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const dryMs = Date.now() - begun;
        await ds.query(`UPDATE imports SET status = 'QUEUED', queued_at = now() WHERE id = $1`, [validated.id]);
        const ranAt = Date.now();
        const outcome = await runner.run(validated.id);
        const runMs = Date.now() - ranAt;
        const [row] = await ds.query(`SELECT result FROM imports WHERE id = $1`, [validated.id]);
        const { timingsMs, counts } = row.result ?? {};
        console.log(
          `${kind} ${pass}: upload + dry run ${seconds(dryMs)} (${perSecond(rows, dryMs)}); run ${seconds(runMs)} (${perSecond(rows, runMs)}) ` +
            `[${Object.entries(timingsMs ?? {}).map(([k, ms]) => `${k} ${seconds(ms as number)}`).join(', ')}]; ` +
            `end to end ${perSecond(rows, dryMs + runMs)}; ${outcome} ${JSON.stringify(counts)}`,
        );
      }
    }
  } finally {
    await app?.close();
    await bench.close();
  }
}

runBench(main);
