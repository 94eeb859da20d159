/**
 * The floor under the import: how long do only the final INSERTs take (stakeholders, contacts,
 * recovery cases and their two audit entries per row) for the benchmark's file, from a table
 * that is already typed and resolved (owner ids, one row per stakeholder marked)? No parsing,
 * no checks, no classification. Whatever the import does on top of this is its own overhead.
 *
 *   BENCH_ROWS=100000 npm run bench:import-floor
 *
 * Each variant runs in its own transaction, rolled back, on a fresh copy of the same data:
 *   - as the import writes (every index, foreign key and audit entry, time-ordered ids);
 *   - without the audit entries, without the foreign-key triggers (session_replication_role,
 *     superuser only: a measurement, never something the import may do), and without the
 *     trigram index, and with random ids, to show what each costs.
 * Prints the time of each statement. Drops its database at the end.
 */
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { STAKEHOLDER_CSV_HEADERS } from '../src/modules/imports/stakeholder-csv-columns';
import { openBenchDatabase, runBench } from './bench-database';
import { writeBenchCsv } from './import-csv';

const BENCH_DB = 'regain_bench_import_floor';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
/** BENCH_EXPLAIN=1: each statement under EXPLAIN (ANALYZE, BUFFERS), the first variant's plans printed. */
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';

const audit = (entity: string, action: string, json: string) =>
  `INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
   SELECT $1, '${entity}', c.id, '${action}', NULL, ${json} || jsonb_build_object('importId', gen_random_uuid()) FROM created c`;

const STAKEHOLDERS = (audited: boolean, ids: string) => `
  WITH created AS (
    INSERT INTO stakeholders (id, kind, external_ref, owner_id, name, segment, tier, region, time_zone, do_not_contact,
      baseline_monthly_revenue_minor, baseline_currency, contract_reference, contract_start_date, contract_end_date)
    SELECT ${ids}, kind, external_ref, owner_id, name, segment, tier, region, time_zone, do_not_contact,
      baseline_monthly_revenue_minor, baseline_currency, contract_reference, contract_start_date, contract_end_date
    FROM ready WHERE is_first ORDER BY line RETURNING *)
  ${audited ? `, audited AS (${audit('STAKEHOLDER', 'STAKEHOLDER_CREATED', `jsonb_build_object('kind', c.kind, 'name', c.name, 'ownerId', c.owner_id,
      'externalRef', c.external_ref, 'doNotContact', c.do_not_contact, 'contractReference', c.contract_reference,
      'contractStartDate', c.contract_start_date, 'contractEndDate', c.contract_end_date,
      'baselineMonthlyRevenue', jsonb_build_object('amountMinor', c.baseline_monthly_revenue_minor::text, 'currency', c.baseline_currency))`)})` : ''}
  SELECT count(*)::int AS n FROM created`;

const CONTACTS = (ids: string) => `
  INSERT INTO contacts (id, stakeholder_id, name, title, email, phone, preferred_channel, is_executive)
  SELECT ${ids}, st.id, r.contact_name, r.contact_title, r.contact_email, r.contact_phone, r.contact_preferred_channel, r.contact_is_executive
  FROM ready r JOIN stakeholders st ON st.external_ref = r.external_ref ORDER BY r.line`;

const CASES = (audited: boolean, ids: string) => `
  WITH created AS (
    INSERT INTO recovery_cases (id, crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, description,
      owner_id, status, priority, status_changed_at, opened_by_id)
    SELECT ${ids}, $2, st.id, r.case_impact, r.case_estimated_loss_minor, r.case_loss_currency, r.case_description,
      r.case_owner_id, 'IDENTIFIED', r.case_priority, now(), $1
    FROM ready r JOIN stakeholders st ON st.external_ref = r.external_ref WHERE r.is_first ORDER BY r.line RETURNING *)
  ${audited ? `, audited AS (${audit('RECOVERY_CASE', 'CASE_OPENED', `jsonb_build_object('crisisId', c.crisis_id, 'stakeholderId', c.stakeholder_id,
      'ownerId', c.owner_id, 'status', c.status, 'priority', c.priority, 'impact', c.impact,
      'estimatedLoss', jsonb_build_object('amountMinor', c.estimated_loss_minor::text, 'currency', c.loss_currency))`)})` : ''}
  SELECT count(*)::int AS n FROM created`;

interface Variant {
  name: string;
  audited: boolean;
  setup: string[];
  /** The ids of new rows: time-ordered as the import gives them, or random as the column default. */
  ids?: string;
}

const VARIANTS: Variant[] = [
  { name: 'as the import writes', audited: true, setup: [] },
  { name: 'without audit entries', audited: false, setup: [] },
  { name: 'without foreign-key triggers (measurement only)', audited: true, setup: [`SET LOCAL session_replication_role = replica`] },
  { name: 'without the trigram index', audited: true, setup: [`DROP INDEX stakeholders_name_trgm_idx`] },
  { name: 'with random (v4) ids instead of time-ordered ones', audited: true, setup: [], ids: 'gen_random_uuid()' },
];

async function main(): Promise<void> {
  const bench = await openBenchDatabase(BENCH_DB);
  const file = join(bench.dir, 'floor.csv');
  const client = new Client({ connectionString: bench.databaseUrl });
  try {
    await bench.ds.destroy();
    await client.connect();
    const [admin] = (await client.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('floor-admin@regain.local', 'Floor Admin', 'ADMIN', 'x') RETURNING id`)).rows;
    const users = async (role: string, prefix: string, n: number) =>
      (await client.query(
        `INSERT INTO users (email, name, role, password_hash) SELECT $1 || g || '@regain.local', $1 || g, $2::user_role, 'x' FROM generate_series(1, $3::int) g RETURNING email`,
        [prefix, role, n],
      )).rows.map((r: { email: string }) => r.email);
    const owners = { agents: await users('AGENT', 'floor-agent-', 20), partnerManagers: await users('PARTNER_MANAGER', 'floor-pm-', 5) };
    const [crisis] = (await client.query(`INSERT INTO crises (title, category, severity, phase, detected_at) VALUES ('Floor', 'PRODUCT_QUALITY', 'SEVERE', 'RESPONSE', now()) RETURNING id`)).rows;
    await writeBenchCsv(file, ROWS, owners);
    await client.query(`CREATE UNLOGGED TABLE raw (${STAKEHOLDER_CSV_HEADERS.map((h) => `${h} text`).join(', ')})`);
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY raw FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    // Typed and resolved, as a perfect staging step would leave it.
    await client.query(`
      CREATE UNLOGGED TABLE ready AS
      SELECT row_number() OVER () AS line, r.external_ref, r.kind::stakeholder_kind AS kind, r.name, r.segment, r.tier::stakeholder_tier AS tier,
             r.region, r.time_zone, o.id AS owner_id, r.do_not_contact::boolean AS do_not_contact,
             r.baseline_monthly_revenue_minor::bigint AS baseline_monthly_revenue_minor, r.baseline_currency,
             nullif(r.contract_reference, '') AS contract_reference, nullif(r.contract_start_date, '')::date AS contract_start_date,
             nullif(r.contract_end_date, '')::date AS contract_end_date, r.contact_name, r.contact_title, r.contact_email, r.contact_phone,
             r.contact_preferred_channel::contact_channel AS contact_preferred_channel, r.contact_is_executive::boolean AS contact_is_executive,
             r.case_impact::impact_level AS case_impact, r.case_estimated_loss_minor::bigint AS case_estimated_loss_minor,
             r.case_loss_currency, r.case_priority::case_priority AS case_priority, o.id AS case_owner_id, r.case_description,
             false AS is_first
      FROM raw r JOIN users o ON o.email = r.owner_email`);
    await client.query(`UPDATE ready r SET is_first = true FROM (SELECT min(line) AS line FROM ready GROUP BY external_ref) f WHERE f.line = r.line`);
    await client.query(`ANALYZE ready`);
    await client.query(`CHECKPOINT`);
    console.log(`floor for ${ROWS.toLocaleString('en')} rows (the bench file), from a typed, resolved table; each variant rolled back`);

    for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
      for (const variant of VARIANTS) {
        const [{ lsn }] = (await client.query(`SELECT pg_current_wal_insert_lsn() AS lsn`)).rows;
        await client.query('BEGIN');
        for (const statement of variant.setup) await client.query(statement);
        const timed: string[] = [];
        let total = 0;
        const time = async (name: string, sql: string, params: unknown[] = []) => {
          const started = process.hrtime.bigint();
          const result = await client.query(EXPLAIN ? `EXPLAIN (ANALYZE, BUFFERS, TIMING off) ${sql}` : sql, params);
          if (EXPLAIN && repeat === 1 && variant === VARIANTS[0]) console.log(result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          total += ms;
          timed.push(`${name} ${(ms / 1000).toFixed(2)} s`);
        };
        const ids = variant.ids ?? 'uuid_v7()';
        await time('stakeholders', STAKEHOLDERS(variant.audited, ids), variant.audited ? [admin.id] : []);
        await time('contacts', CONTACTS(ids));
        await time('cases', CASES(variant.audited, ids), [admin.id, crisis.id]);
        const [{ wal }] = (await client.query(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS wal`, [lsn])).rows;
        await client.query('ROLLBACK');
        // Rolled-back rows leave dead tuples and index entries that the next variant's unique checks would visit.
        await client.query('VACUUM stakeholders, contacts, recovery_cases, audit_entries');
        console.log(
          `  #${repeat} ${variant.name}: ${(total / 1000).toFixed(2)} s, ${Math.round(ROWS / (total / 1000)).toLocaleString('en')} rows/s (${timed.join(', ')}; ${Math.round(Number(wal) / 1024 / 1024)} MB of WAL)`,
        );
      }
    }
  } finally {
    await client.end().catch(() => undefined);
    await bench.close();
  }
}

runBench(main);
