/**
 * How fast is the stakeholder name search on 100,000 stakeholders?
 *
 *   npm run bench:search
 *
 * Creates its own database (regain_bench_search, on the server DATABASE_URL points at),
 * migrates it, fills it set-based, then times the two statements the `stakeholders` list
 * issues for a search (totalCount and the page), as built by the service's own query
 * builder. Prints figures and plan summaries; asserts nothing. Drops the database at the end.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { paginate } from '../src/common/pagination/keyset';
import { PageArgs } from '../src/common/pagination/page.args';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { QueryCounter } from '../src/database/query-counter';
import { stakeholderListQuery, stakeholderSortKeys } from '../src/modules/stakeholders/stakeholder-list.query';
import { urlFor, withServer } from './bench-database';

const BENCH_DB = 'regain_bench_search';
const ROWS = 100_000;
const RUNS = 50;
const WARMUP = 5;
const PAGE_SIZE = 20;

/** From rare to very common, plus a two-letter term that trigrams cannot narrow. */
const TERMS = ['zephyrine', 'harbour', 'lisbon', 'wind', 'gmbh', 'xq'];

interface Statement {
  sql: string;
  params: unknown[];
}

/** Records the statements TypeORM sends, so the benchmark times exactly what the service issues. */
class CapturingLogger extends QueryCounter {
  captured: Statement[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    super.logQuery(query);
    this.captured.push({ sql: query, params: parameters ?? [] });
  }
}

async function fill(ds: DataSource): Promise<void> {
  // hashint4 spreads the words deterministically, so every run builds the same table.
  await ds.query(
    `
    INSERT INTO stakeholders (kind, name, segment, tier, region, time_zone, external_ref)
    SELECT CASE WHEN g % 10 = 0 THEN 'PARTNER' ELSE 'CUSTOMER' END::stakeholder_kind,
           w.first[1 + (abs(hashint4(g)::bigint) % array_length(w.first, 1))::int] || ' '
             || w.core[1 + (abs(hashint4(g + 1000003)::bigint) % array_length(w.core, 1))::int] || ' '
             || w.city[1 + (abs(hashint4(g + 2000003)::bigint) % array_length(w.city, 1))::int] || ' '
             || w.legal[1 + (abs(hashint4(g + 3000017)::bigint) % array_length(w.legal, 1))::int],
           (ARRAY['SMB', 'Enterprise', 'Consumer', 'Public sector', 'Distribution'])[1 + g % 5],
           (ARRAY['STANDARD', 'STANDARD', 'KEY', 'STRATEGIC'])[1 + g % 4]::stakeholder_tier,
           (ARRAY['EMEA', 'AMER', 'APAC'])[1 + g % 3],
           (ARRAY['Europe/Lisbon', 'America/Chicago', 'Asia/Singapore'])[1 + g % 3],
           'CRM-' || lpad(g::text, 7, '0')
    FROM generate_series(1, $1::int) AS g,
         (SELECT ARRAY['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware',
                       'Blue Yonder', 'Coho', 'Alpine', 'Woodgrove', 'Lucerne', 'Margie''s', 'Trey', 'Humongous',
                       'Graphic', 'Wide World', 'Southridge', 'Fourth Coffee', 'Bellows', 'Consolidated', 'Datum',
                       'Relecloud'] AS first,
                 ARRAY['Foods', 'Logistics', 'Retail', 'Health', 'Energy', 'Systems', 'Travel', 'Outfitters',
                       'Harbour Supplies', 'Bakery', 'Pharmacy', 'Motors', 'Textiles', 'Hotels', 'Insurance',
                       'Media'] AS core,
                 ARRAY['Lisbon', 'Berlin', 'Chicago', 'Singapore', 'Leeds', 'Lyon', 'Austin', 'Osaka', 'Porto',
                       'Denver', 'Utrecht', 'Malmo'] AS city,
                 ARRAY['Ltd', 'GmbH', 'Inc.', 'S.A.', 'B.V.', 'LLC', 'Co.', 'plc'] AS legal) AS w`,
    [ROWS - 3],
  );
  await ds.query(`
    INSERT INTO stakeholders (kind, name, time_zone)
    VALUES ('CUSTOMER', 'Zephyrine Bakery Porto Ltd', 'Europe/Lisbon'),
           ('CUSTOMER', 'Old Zephyrine Mills LLC', 'America/Chicago'),
           ('PARTNER', 'Zephyrine Foods Distribution plc', 'Europe/Berlin')`);
  // Flushes the GIN pending list and gathers statistics, as autovacuum would in production.
  await ds.query('VACUUM ANALYZE stakeholders');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(ds: DataSource, statement: Statement): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP; i += 1) await ds.query(statement.sql, statement.params);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await ds.query(statement.sql, statement.params);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** "Limit > Sort > Bitmap Heap Scan(stakeholders) > Bitmap Index Scan(stakeholders_name_trgm_idx)". */
function planShape(node: PlanNode): string {
  const target = node['Index Name'] ?? node['Relation Name'];
  const here = target ? `${node['Node Type']}(${target})` : node['Node Type'];
  const children = (node.Plans ?? []).map(planShape);
  if (children.length === 0) return here;
  return `${here} > ${children.length === 1 ? children[0] : `[${children.join(', ')}]`}`;
}

async function explain(ds: DataSource, statement: Statement): Promise<string> {
  const [row] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.params);
  const [result] = row['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }];
  return `${planShape(result.Plan)}  [${result['Execution Time'].toFixed(2)} ms]`;
}

const ms = (n: number) => n.toFixed(2).padStart(7);

async function main(): Promise<void> {
  const baseUrl = loadConfig().databaseUrl;
  await withServer(baseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await withServer(baseUrl, `CREATE DATABASE ${BENCH_DB}`);
  const logger = new CapturingLogger();
  const ds = new DataSource({ ...dataSourceOptions(urlFor(baseUrl, BENCH_DB), logger), maxQueryExecutionTime: undefined });
  try {
    await ds.initialize();
    await runMigrations(ds);
    const filled = process.hrtime.bigint();
    await fill(ds);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM stakeholders');
    const seconds = Number(process.hrtime.bigint() - filled) / 1e9;
    console.log(`${n} stakeholders inserted and analysed in ${seconds.toFixed(1)} s; ${RUNS} timed runs per statement\n`);

    const header = `${'term'.padEnd(11)} ${'matches'.padStart(7)} | count median     p95 | page median     p95`;
    console.log(header);
    console.log('-'.repeat(header.length));
    const plans: string[] = [];
    for (const term of TERMS) {
      logger.captured = [];
      const page = Object.assign(new PageArgs(), { first: PAGE_SIZE });
      const filters = { search: term };
      const query = stakeholderListQuery(ds.manager, filters);
      const result = await paginate(query, stakeholderSortKeys(filters), 'ASC', page, (s) => s);
      const [countSql, pageSql] = logger.captured.filter((s) => /ILIKE/.test(s.sql));
      const count = await time(ds, countSql);
      const list = await time(ds, pageSql);
      const matches = String(result.totalCount).padStart(7);
      console.log(`${term.padEnd(11)} ${matches} |     ${ms(count.median)} ${ms(count.p95)} |    ${ms(list.median)} ${ms(list.p95)}`);
      plans.push(`${term}\n  count: ${await explain(ds, countSql)}\n  page:  ${await explain(ds, pageSql)}`);
    }
    console.log(`\nTimes in ms. EXPLAIN ANALYZE plans (node > child, [execution time]):\n`);
    console.log(plans.join('\n'));
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await withServer(baseUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
