import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { ImportKind, DuplicateMode } from '../src/modules/imports/import.enums';
import { ImportsService } from '../src/modules/imports/imports.service';
import { ImportValidator } from '../src/modules/imports/import-validator.service';
import { UserRole } from '../src/modules/users/user-role.enum';

export interface ImportRun {
  /** The API application to upload through; without one, one is started and closed here. */
  app?: NestFastifyApplication;
  config: AppConfig;
  ds: DataSource;
  file: string;
  actor: { id: string; email: string; name: string };
  crisisId: string;
}

export interface ImportStage {
  name: string;
  ms: number;
  note?: string;
}

export interface ImportResult {
  stages: ImportStage[];
  /** From the first byte uploaded to the import's commit, without the processes' start-up. */
  endToEndMs: number;
  importId: string;
  status: string;
  result: unknown;
  workerPid: number;
  workerStartRssBytes: number;
  workerPeakRssBytes: number;
}

const POLL_MS = 100;

/** VmRSS (now) and VmHWM (the peak so far) of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * A real worker process (src/worker.ts, as `npm run worker` runs it, here through ts-node) on
 * the bench database and Redis prefix; resolves once it consumes the queues.
 */
async function startWorker(config: AppConfig): Promise<ChildProcess> {
  const root = join(__dirname, '..');
  const worker = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(root, 'src/worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      REDIS_PREFIX: config.redisPrefix,
      IMPORT_MAX_FILE_BYTES: String(config.importMaxFileBytes),
      RUN_MIGRATIONS: 'false',
      LOAD_DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  worker.stdout!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    worker.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it started: ${output}`)));
    worker.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Worker started')) resolve();
    });
  });
  worker.removeAllListeners('exit');
  worker.stdout!.removeAllListeners('data');
  worker.stdout!.resume();
  return worker;
}

/**
 * The import end to end, through the import pipeline's own entry points: ImportsService
 * stores the upload (chunks in PostgreSQL) and runs the dry run, `start` queues the job, and a
 * separate worker process runs it. The worker's memory is sampled while it works; VmHWM is the
 * kernel's own record of its peak.
 */
export async function runImport(run: ImportRun): Promise<ImportResult> {
  const ownApp = !run.app;
  const app = run.app ?? (await createApp({ config: run.config, schemaFile: true }));
  if (ownApp) await app.init();
  const worker = await startWorker(run.config);
  try {
    const imports = app.get(ImportsService);
    const actor = { ...run.actor, role: UserRole.ADMIN };
    const stages: ImportStage[] = [];

    const begun = Date.now();
    const validated = await imports.createFromStream(actor, createReadStream(run.file), {
      kind: ImportKind.STAKEHOLDERS,
      fileName: 'bench-stakeholders-and-cases.csv',
      crisisId: run.crisisId,
      duplicateMode: DuplicateMode.SKIP,
    });
    // The dry run is a worker job now; run it here (a worker that took it first is waited for).
    await app.get(ImportValidator).validate(validated.id);
    while ((await run.ds.query(`SELECT status FROM imports WHERE id = $1`, [validated.id]))[0].status !== 'VALIDATED') {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stages.push({ name: 'upload (chunks into PostgreSQL) and dry run', ms: Date.now() - begun });

    const startRss = memoryOf(worker.pid!).rss;
    const queuedAt = Date.now();
    await imports.start(actor, validated.id);
    // Phases as the worker reports them: when each was first seen (polling every POLL_MS).
    const phaseSeen = new Map<string, number>();
    let row: { status: string; phase: string | null; result: unknown };
    let sampledPeak = 0;
    for (;;) {
      sampledPeak = Math.max(sampledPeak, memoryOf(worker.pid!).rss);
      [row] = await run.ds.query(`SELECT status, phase, result FROM imports WHERE id = $1`, [validated.id]);
      const phase = row.phase ?? row.status;
      if (!phaseSeen.has(phase)) phaseSeen.set(phase, Date.now());
      if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(row.status)) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const finishedAt = Date.now();
    const seen = [...phaseSeen.entries()];
    seen.forEach(([phase, at], i) => {
      const until = i + 1 < seen.length ? seen[i + 1][1] : finishedAt;
      if (until > at) stages.push({ name: `worker: ${phase}`, ms: until - at, note: phase === 'STAGING' ? 'parse, validate, COPY to staging, checks, plan' : undefined });
    });
    stages.push({ name: 'queued job in the worker process, all of it', ms: finishedAt - queuedAt, note: row.status });
    return {
      stages,
      endToEndMs: finishedAt - begun,
      importId: validated.id,
      status: row.status,
      result: row.result,
      workerPid: worker.pid!,
      workerStartRssBytes: startRss,
      workerPeakRssBytes: Math.max(sampledPeak, memoryOf(worker.pid!).peak),
    };
  } finally {
    worker.kill('SIGTERM');
    await once(worker, 'exit');
    if (ownApp) await app.close();
  }
}
