/**
 * How fast are the recovery dashboards?
 *
 *   npm run bench:dashboard                    # full size (100,000 stakeholders, 120,000 cases, 2,000,000 interactions …)
 *   BENCH_DASHBOARD_SCALE=0.05 npm run bench:dashboard   # 5% of it, for development
 *
 * Creates its own database (regain_bench_dashboard, on the server DATABASE_URL points at),
 * migrates it, generates the data set set-based (bench/dashboard-data.ts: 12 months of
 * revenue and snapshots for every case), starts the real application on a local port, signs
 * in as an admin, and times every dashboard section through the GraphQL API (HTTP from a client
 * process of its own) and the SQL statement behind it (straight on a pg client), on the busiest
 * crisis: 100 runs of each after a warm-up (BENCH_RUNS, at least 30), the two alternating run
 * by run so that the machine's other work weighs on both alike. Before that it times the
 * snapshot job (TrustSnapshotService.run) over all cases and months, whose snapshots the
 * dashboards then read.
 * Prints a table; asserts nothing. Drops the database at the end (BENCH_KEEP_DATABASE=1 keeps it;
 * BENCH_REUSE_DATABASE=1 then times a kept one again, after its pending migrations, without
 * generating the data anew).
 */
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { atRiskSql } from '../src/modules/dashboards/at-risk-dashboard.service';
import { costSql } from '../src/modules/dashboards/cost-dashboard.service';
import { DashboardScope } from '../src/modules/dashboards/dashboard-scope';
import { recoveryCurveSql, timeToRecoverySql } from '../src/modules/dashboards/recovery-dashboard.service';
import { responseSql } from '../src/modules/dashboards/response-dashboard.service';
import { TrustSnapshotService } from '../src/modules/trust/trust-snapshot.service';
import { UsersService } from '../src/modules/users/users.service';
import { runBench, urlFor, withServer } from './bench-database';
import { ApiClient } from './dashboard-api-client';
import { graphql, timed, timePaired, timeRuns } from './request-timing';
import { cpuSecondsBetween, databaseCpuSeconds } from './database-cpu';
import { generateDashboardData, scaled } from './dashboard-data';

const BENCH_DB = 'regain_bench_dashboard';
const SCALE = Number(process.env.BENCH_DASHBOARD_SCALE ?? 1);
const RUNS = Math.max(30, Number(process.env.BENCH_RUNS ?? 100));
const WARM_UP = 3;
/** BENCH_KEEP_DATABASE=1 leaves the database behind, to look at plans afterwards. */
const KEEP = process.env.BENCH_KEEP_DATABASE === '1';
/** BENCH_SKIP_SNAPSHOT_JOB=1 times the dashboards on the generated snapshots without running the job first. */
const SKIP_JOB = process.env.BENCH_SKIP_SNAPSHOT_JOB === '1';
/** BENCH_REUSE_DATABASE=1 (with a database kept by BENCH_KEEP_DATABASE=1) skips the generation. */
const REUSE = process.env.BENCH_REUSE_DATABASE === '1';
const ADMIN_EMAIL = 'bench-admin@regain.local';
const ADMIN_PASSWORD = 'bench-admin-password';

interface Section {
  name: string;
  query: string;
  sql: (scope: DashboardScope) => { sql: string; params: unknown[] };
}

const SECTIONS: Section[] = [
  {
    name: 'response',
    query: `query ($id: ID!) { crisisDashboard(crisisId: $id) { response { cases casesByStatus { status count }
      contactedWithinGoldenHours { numerator denominator basisPoints } medianSecondsToFirstContact
      inboundAnsweredWithinSla { numerator denominator basisPoints } outboundWithApprovedTemplate { numerator denominator basisPoints } } } }`,
    sql: responseSql,
  },
  {
    name: 'cost',
    query: `query ($id: ID!) { crisisDashboard(crisisId: $id) { cost { compensationByKindAndStatus { kind status count total { amountMinor currency } }
      byCurrency { currency estimatedLoss { amountMinor } compensationGiven { amountMinor } lossRatioBasisPoints
        retainedRevenue { amountMinor } retainedRevenuePerCompensationBasisPoints } } } }`,
    sql: costSql,
  },
  {
    name: 'recovery curve',
    query: `query ($id: ID!) { crisisDashboard(crisisId: $id) { recoveryCurve { monthIndex cases averageTrustIndex
      nps { respondents promoters passives detractors score } averageCsat
      revenueVsBaseline { currency revenue { amountMinor } baseline { amountMinor } shareBasisPoints }
      retention { numerator denominator basisPoints } promiseKept { kept due rate } } } }`,
    sql: recoveryCurveSql,
  },
  {
    name: 'time to recovery',
    query: `query ($id: ID!) { crisisDashboard(crisisId: $id) { timeToRecovery { cases medianMonths
      recoveredBy3Months { basisPoints } recoveredBy6Months { basisPoints } recoveredBy12Months { basisPoints } recoveredEver { basisPoints } } } }`,
    sql: timeToRecoverySql,
  },
  {
    name: 'at risk (top 20)',
    query: `query ($id: ID!) { crisisDashboard(crisisId: $id) { atRisk(first: 20) { caseId stakeholderName trustIndex band reasons { code message points } } } }`,
    sql: (scope) => atRiskSql(scope, 20),
  },
];

/** The admin the bench signs in as, and the data set, by COPY and set-based SQL. */
async function generate(app: NestFastifyApplication, sql: Client, size: ReturnType<typeof scaled>): Promise<void> {
  await app.get(UsersService).ensureFirstAdmin(ADMIN_EMAIL, 'Bench admin', ADMIN_PASSWORD);
  console.log(
    `generating: ${size.stakeholders.toLocaleString('en')} stakeholders, ${size.cases.toLocaleString('en')} cases, ` +
      `${size.interactions.toLocaleString('en')} interactions, ${size.surveys.toLocaleString('en')} survey responses, ` +
      `${size.months} months of revenue and snapshots, ${size.crises} crises`,
  );
  const generated = Date.now();
  await generateDashboardData((text, params) => sql.query(text, params), size, (step) => console.log(`  ${step}`));
  console.log(`generated in ${((Date.now() - generated) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const size = scaled(SCALE);
  const baseConfig = loadConfig();
  const url = urlFor(baseConfig.databaseUrl, BENCH_DB);
  if (!REUSE) {
    await withServer(baseConfig.databaseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await withServer(baseConfig.databaseUrl, `CREATE DATABASE ${BENCH_DB}`);
  }
  let app: NestFastifyApplication | undefined;
  const sql = new Client({ connectionString: url });
  // The SQL is timed on a connection of its own (see below).
  const direct = new Client({ connectionString: url });
  try {
    const config = loadConfig(process.env, {
        nodeEnv: 'test',
        databaseUrl: url,
        redisPrefix: `regain-bench-dashboard-${process.pid}`,
        runWorkerInProcess: false,
        loadDemoData: false,
        adminEmail: ADMIN_EMAIL,
        adminPassword: ADMIN_PASSWORD,
    });
    app = await createApp({ config, schemaFile: true });
    const ds = app.get<DataSource>(getDataSourceToken());
    await runMigrations(ds);
    await sql.connect();
    if (REUSE) console.log(`reusing the kept database ${BENCH_DB} (BENCH_REUSE_DATABASE=1): no data generated`);
    else await generate(app, sql, size);

    // The snapshot job over every case and month, replacing the generated snapshots with real ones.
    if (SKIP_JOB) console.log('snapshot job: skipped (BENCH_SKIP_SNAPSHOT_JOB=1); the dashboards read the generated snapshots');
    else {
      const jobStarted = new Date();
      const cpuBefore = await databaseCpuSeconds(ds);
      const job = await app.get(TrustSnapshotService).run();
      const cpu = cpuSecondsBetween(cpuBefore, await databaseCpuSeconds(ds));
      const [{ written }] = (
        await sql.query(`SELECT count(*)::int AS written FROM case_trust_snapshots WHERE computed_at >= $1`, [jobStarted])
      ).rows as { written: number }[];
      console.log(
        `snapshot job: ${written.toLocaleString('en')} snapshots of ${size.cases.toLocaleString('en')} cases written in ${job.batches} batches, ` +
          `${(job.milliseconds / 1000).toFixed(1)} s (target < 60 s); database CPU ${cpu.toFixed(1)} s (0 when the server is on another machine)`,
      );
      await sql.query(`VACUUM ANALYZE case_trust_snapshots`);
    }

    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = (await graphql(base, null, `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    })) as { login: { accessToken: string } };
    const token = login.login.accessToken;

    const [busiest] = (
      await sql.query(`SELECT crisis_id, count(*)::int AS n FROM recovery_cases GROUP BY crisis_id ORDER BY n DESC, crisis_id LIMIT 1`)
    ).rows as { crisis_id: string; n: number }[];
    const [{ interactions }] = (
      await sql.query(`SELECT count(*)::int AS interactions FROM interactions i JOIN recovery_cases rc ON rc.id = i.case_id WHERE rc.crisis_id = $1`, [
        busiest.crisis_id,
      ])
    ).rows as { interactions: number }[];
    console.log(
      `timing on the busiest crisis: ${busiest.n.toLocaleString('en')} cases, ${interactions.toLocaleString('en')} interactions; ` +
        `${RUNS} runs after ${WARM_UP} warm-up runs each`,
    );
    const scope: DashboardScope = {
      crisisId: busiest.crisis_id,
      stakeholderKind: null,
      segment: null,
      region: null,
      impact: null,
      caseOwnerId: null,
      stakeholderOwnerId: null,
    };

    const rows: string[][] = [];
    // The API from a client process of its own, each run paired with a run of the SQL straight on
    // a pg client; the floor (what any authenticated request costs here) last. The SQL gets a
    // connection of its own: the one that generated the data and ran the job is slower than a
    // fresh one (up to 20% on the recovery curve), which would flatter the API.
    await direct.connect();
    const client = ApiClient.start(base, token, [
      ...SECTIONS.map((section) => ({ query: section.query, variables: { id: busiest.crisis_id } })),
      { query: `{ me { id } }`, variables: {} },
    ]);
    for (const [i, section] of SECTIONS.entries()) {
      const statement = section.sql(scope);
      const [api, raw] = await timePaired(
        () => client.time(i),
        () => timed(() => direct.query(statement.sql, statement.params)),
        RUNS,
        WARM_UP,
      );
      rows.push([
        section.name,
        api.p50.toFixed(1),
        api.p95.toFixed(1),
        raw.p50.toFixed(1),
        raw.p95.toFixed(1),
        (api.p95 / raw.p95).toFixed(2),
        api.p95 < 200 && api.p95 <= 1.5 * raw.p95 ? 'yes' : 'NO',
      ]);
    }
    // What any authenticated GraphQL request costs here (HTTP, the token, the signed-in user, Apollo), whatever it asks.
    const floor = await timeRuns(() => client.time(SECTIONS.length), RUNS, WARM_UP);
    client.stop();
    printTable(['dashboard query', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'API/SQL p95', 'on target'], rows);
    console.log('targets: API p95 < 200 ms and API p95 ≤ 1.5 × SQL p95');
    console.log(`the floor: an authenticated { me { id } } through the API, p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`);

  } finally {
    await sql.end().catch(() => undefined);
    await direct.end().catch(() => undefined);
    if (app) await app.close();
    if (!KEEP) await withServer(baseConfig.databaseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

runBench(main);
