/**
 * How fast are cadence enrolment and the overdue sweep?
 *
 *   npm run bench:outreach
 *
 * Creates its own database (regain_bench_outreach, on the server DATABASE_URL points at),
 * migrates it, makes 100,000 cases set-based (one stakeholder each, in six time zones),
 * enrols them all in a four-step cadence through CadenceBulkEnrolmentService.enrolMany (the
 * service's own set-based path: due times per stakeholder zone in TypeScript, one
 * INSERT … FROM unnest per batch), then grows the table to 1,000,000 open tasks and times the
 * sweep's statement (status = 'OPEN' AND due_at < now(), on the partial index) and the
 * worker's whole SLA sweep.
 * Prints figures; asserts nothing. Drops the database at the end (BENCH_KEEP_DB=1 keeps it).
 * BENCH_CASES=n runs a smaller size; BENCH_SKIP_GROW=1 stops after the enrolment.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SystemClock } from '../src/common/clock/clock';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { CadenceBulkEnrolmentService } from '../src/modules/cadences/cadence-bulk-enrolment.service';
import { SLA_SWEEP_BATCH, SlaSweepService } from '../src/modules/sla/sla-sweep.service';
import { runBench, urlFor, withServer } from './bench-database';
import { cpuSecondsBetween, databaseCpuSeconds } from './database-cpu';

const BENCH_DB = 'regain_bench_outreach';
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS = 1_000_000;
const SWEEP_RUNS = 5;
const ZONES = ['Europe/Berlin', 'America/Chicago', 'Asia/Singapore', 'Europe/London', 'America/Los_Angeles', 'Asia/Tokyo'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function makeCases(ds: DataSource): Promise<{ ownerId: string; cadenceId: string; caseIds: string[] }> {
  const [{ id: ownerId }] = await ds.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('bench-agent@regain.local', 'Bench Agent', 'AGENT', 'unused') RETURNING id`,
  );
  const [{ id: crisisId }] = await ds.query(
    `INSERT INTO crises (title, category, severity, phase, detected_at) VALUES ('Bench crisis', 'PRODUCT_QUALITY', 'SEVERE', 'RESPONSE', now()) RETURNING id`,
  );
  await ds.query(
    `INSERT INTO stakeholders (kind, name, time_zone, owner_id, external_ref)
     SELECT 'CUSTOMER', 'Bench customer ' || g, ($2::text[])[1 + g % array_length($2::text[], 1)], $3, 'BENCH-' || g
       FROM generate_series(1, $1::int) AS g`,
    [CASES, ZONES, ownerId],
  );
  await ds.query(
    `INSERT INTO recovery_cases (crisis_id, stakeholder_id, impact, loss_currency, owner_id, opened_by_id)
     SELECT $1, s.id, (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + (hashtext(s.id::text) & 3)]::impact_level, 'EUR', $2, $2
       FROM stakeholders s`,
    [crisisId, ownerId],
  );
  const [{ id: cadenceId }] = await ds.query(
    `INSERT INTO cadences (name, created_by_id) VALUES ('Bench cadence', $1) RETURNING id`,
    [ownerId],
  );
  await ds.query(
    `INSERT INTO cadence_steps (cadence_id, position, offset_iso, channel, action)
     VALUES ($1, 1, 'PT4H', 'PHONE', 'CALL'), ($1, 2, 'P1D', 'EMAIL', 'EMAIL'), ($1, 3, 'P3D', 'PHONE', 'CALL'), ($1, 4, 'P7D', 'EMAIL', 'SURVEY')`,
    [cadenceId],
  );
  // Fresh tables: give the planner real statistics, as a live database has.
  await ds.query(`ANALYZE`);
  const rows: { id: string }[] = await ds.query(`SELECT id FROM recovery_cases`);
  return { ownerId, cadenceId, caseIds: rows.map((r) => r.id) };
}

/** Copies of the enrolled tasks at further step positions, due from 3 days ago to 57 days ahead. */
async function growToTasks(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outreach_tasks`);
  const missing = TASKS - n;
  const copies = Math.ceil(missing / n);
  await ds.query(
    `INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action,
                                 due_at, original_due_at, status)
     SELECT t.enrolment_id, t.case_id, t.step_position + 4 * k, t.channel, t.action,
            d.due, d.due, 'OPEN'
       FROM outreach_tasks t
      CROSS JOIN generate_series(1, $2::int) AS k
      CROSS JOIN LATERAL (SELECT now() - interval '3 days' + (abs(hashtext(t.id::text || k)) % 5184000) * interval '1 second' AS due) d
      LIMIT $1`,
    [missing, copies],
  );
  await ds.query(`VACUUM ANALYZE outreach_tasks`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const baseUrl = config.databaseUrl;
  await withServer(baseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await withServer(baseUrl, `CREATE DATABASE ${BENCH_DB}`);
  const ds = new DataSource({ ...dataSourceOptions(urlFor(baseUrl, BENCH_DB)), maxQueryExecutionTime: undefined });
  try {
    await ds.initialize();
    await runMigrations(ds);

    let started = Date.now();
    const { ownerId, cadenceId, caseIds } = await makeCases(ds);
    console.log(`made ${caseIds.length.toLocaleString('en')} cases (set-based) in ${seconds(Date.now() - started)}`);

    const service = new CadenceBulkEnrolmentService(ds, config, new SystemClock());
    // Opens the pool's connections first, so that the CPU reading before the enrolment sees the backends it will use.
    await Promise.all([1, 2, 3].map(() => ds.query('SELECT pg_sleep(0.05)')));
    const cpuBefore = await databaseCpuSeconds(ds);
    const nodeBefore = process.cpuUsage();
    started = Date.now();
    const result = await service.enrolMany(ownerId, caseIds, cadenceId);
    const enrolMs = Date.now() - started;
    console.log(
      `enrolled ${result.enrolled.toLocaleString('en')} cases, ${result.tasksCreated.toLocaleString('en')} tasks in ${seconds(enrolMs)}: ` +
        `${Math.round(result.tasksCreated / (enrolMs / 1000)).toLocaleString('en')} tasks/s, ` +
        `${Math.round(result.enrolled / (enrolMs / 1000)).toLocaleString('en')} cases/s (target: 100,000 cases < 10 s)`,
    );
    const node = process.cpuUsage(nodeBefore);
    console.log(
      `  CPU spent on it: database ${cpuSecondsBetween(cpuBefore, await databaseCpuSeconds(ds)).toFixed(2)} s (0 when the server is on another machine), ` +
        `this process ${((node.user + node.system) / 1e6).toFixed(2)} s`,
    );

    if (process.env.BENCH_SKIP_GROW) return;
    started = Date.now();
    await growToTasks(ds);
    const [{ open }] = await ds.query(`SELECT count(*)::int AS open FROM outreach_tasks WHERE status = 'OPEN'`);
    console.log(`grew to ${open.toLocaleString('en')} open tasks in ${seconds(Date.now() - started)}`);

    const sweep = `SELECT id, case_id, due_at FROM outreach_tasks WHERE status = 'OPEN' AND due_at < now() ORDER BY due_at`;
    const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN ${sweep}`);
    console.log(`sweep plan: ${plan.map((p) => p['QUERY PLAN'].trim()).slice(0, 3).join(' | ')}`);
    const durations: number[] = [];
    let found = 0;
    for (let run = 0; run < SWEEP_RUNS; run += 1) {
      const t0 = process.hrtime.bigint();
      const rows = await ds.query(sweep);
      durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
      found = rows.length;
    }
    durations.sort((a, b) => a - b);
    console.log(
      `sweep over ${open.toLocaleString('en')} open tasks found ${found.toLocaleString('en')} overdue: ` +
        `median ${durations[Math.floor(SWEEP_RUNS / 2)].toFixed(0)} ms, max ${durations[SWEEP_RUNS - 1].toFixed(0)} ms (target < 2 s)`,
    );

    // The worker's whole sweep (every clock, escalations, notifications, reminders), each run
    // raising the next batch of the backlog, as the minute job does.
    const sla = new SlaSweepService(ds, new SystemClock());
    const runs: number[] = [];
    let raised = 0;
    for (let run = 0; run < SWEEP_RUNS; run += 1) {
      const t0 = process.hrtime.bigint();
      const result = await sla.run();
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      raised += result.escalated;
    }
    const sortedRuns = [...runs].sort((a, b) => a - b);
    console.log(
      `full SLA sweep (batch ${SLA_SWEEP_BATCH.toLocaleString('en')}) over ${open.toLocaleString('en')} open tasks: ${raised.toLocaleString('en')} escalations in ${SWEEP_RUNS} runs, ` +
        `median ${sortedRuns[Math.floor(SWEEP_RUNS / 2)].toFixed(0)} ms, max ${sortedRuns[SWEEP_RUNS - 1].toFixed(0)} ms (target < 2 s)`,
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${BENCH_DB} for inspection (BENCH_KEEP_DB)`);
    else await withServer(baseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
}

runBench(main);
