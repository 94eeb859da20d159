import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per event: the transition tables its statement trigger gets, and its snapshot rows, each with +1 (now there) or -1 (gone). */
export const EVENTS = {
  INSERT: { tables: 'NEW TABLE AS new_rows', rows: `SELECT 1 AS sign, n.* FROM new_rows n` },
  UPDATE: { tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', rows: `SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1, o.* FROM old_rows o` },
  DELETE: { tables: 'OLD TABLE AS old_rows', rows: `SELECT -1 AS sign, o.* FROM old_rows o` },
} as const;
export type SnapshotEvent = keyof typeof EVENTS;

export const KEY_COLUMNS = ['crisis_id', 'stakeholder_kind', 'month_index', 'currency'];
const KEY = KEY_COLUMNS.join(', ');
const keyOf = (alias: string) => `(${KEY_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;

export type Measure = [column: string, delta: string];

/** Additive measures of one (crisis, stakeholder kind, month, currency) group of snapshots (a later migration may add some). */
export const MEASURES: Measure[] = [
  ['cases', 'sum(d.sign)'],
  ['trust_sum', 'sum(d.sign * d.trust_index)'],
  ['nps_respondents', 'sum(d.sign) FILTER (WHERE d.latest_nps IS NOT NULL)'],
  ['promoters', 'sum(d.sign) FILTER (WHERE d.latest_nps >= 9)'],
  ['detractors', 'sum(d.sign) FILTER (WHERE d.latest_nps <= 6)'],
  ['csat_count', 'sum(d.sign) FILTER (WHERE d.latest_csat IS NOT NULL)'],
  ['csat_sum', 'sum(d.sign * d.latest_csat)'],
  ['retained', `sum(d.sign) FILTER (WHERE d.case_status <> 'CHURNED')`],
  ['revenue_count', 'sum(d.sign) FILTER (WHERE d.revenue_minor IS NOT NULL)'],
  ['revenue_sum', 'sum(d.sign * d.revenue_minor)'],
  ['paired_count', 'sum(d.sign) FILTER (WHERE d.revenue_minor IS NOT NULL AND d.baseline_minor IS NOT NULL)'],
  ['paired_revenue_sum', 'sum(d.sign * d.revenue_minor) FILTER (WHERE d.baseline_minor IS NOT NULL)'],
  ['paired_baseline_sum', 'sum(d.sign * d.baseline_minor) FILTER (WHERE d.revenue_minor IS NOT NULL)'],
];

/** Signed snapshot rows `rows` summed into their (crisis, stakeholder kind, month, currency) groups. */
export const groupedMeasures = (rows: string, measures: Measure[] = MEASURES) => `
  SELECT d.crisis_id, st.kind AS stakeholder_kind, d.month_index, coalesce(d.currency, '')::text AS currency,
         ${measures.map(([c, delta]) => `coalesce(${delta}, 0) AS ${c}`).join(', ')}
    FROM (${rows}) d JOIN stakeholders st ON st.id = d.stakeholder_id
   GROUP BY 1, 2, 3, 4`;

/** The trust summary of each case in `caseIds` (a SELECT of case_id), from its snapshots as they are; month_index null when it has none. */
const summariesOf = (caseIds: string) => `
  SELECT t.case_id, l.crisis_id, l.month_index, l.trust_index, l.band, l.reasons, a.first_recovered, a.months
    FROM (${caseIds}) t
    LEFT JOIN LATERAL (SELECT s.crisis_id, s.month_index, s.trust_index, s.band, s.reasons FROM case_trust_snapshots s
                        WHERE s.case_id = t.case_id ORDER BY s.month_index DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT min(s.month_index) FILTER (WHERE s.case_status = 'RECOVERED') AS first_recovered,
                              array_agg(s.month_index ORDER BY s.month_index) AS months
                         FROM case_trust_snapshots s WHERE s.case_id = t.case_id) a ON true`;

const SUMMARY_COLUMNS = `case_id, crisis_id, latest_month_index, latest_trust_index, latest_band, latest_reasons,
  first_recovered_month_index, month_indexes`;
const SUMMARY_VALUES = 'f.case_id, f.crisis_id, f.month_index, f.trust_index, f.band, f.reasons, f.first_recovered, f.months';

/**
 * One trigger function per event (a statement trigger sees only the transition tables its
 * event has): the statement's snapshot rows go into the monthly groups as deltas, and the
 * cases they belong to get their summary recomputed from their snapshots as they now are.
 */
export function rollUpFunction(event: SnapshotEvent, measures: Measure[] = MEASURES): string {
  const rows = EVENTS[event].rows;
  return `
    CREATE FUNCTION case_trust_snapshots_roll_up_${event.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- An upsert alone would not do: the CHECKs judge the row it proposes (a negative delta)
      -- before it finds the conflict. So existing groups are locked in key order (two batches
      -- adding to the same groups then cannot deadlock) and updated, and only new groups,
      -- whose deltas cannot be negative, are inserted.
      WITH delta AS MATERIALIZED (${groupedMeasures(rows, measures)}),
      locked AS (
        SELECT ${KEY_COLUMNS.map((c) => `m.${c}`).join(', ')} FROM crisis_trust_months m
         WHERE ${keyOf('m')} IN (SELECT ${KEY} FROM delta)
         ORDER BY ${KEY} FOR UPDATE),
      updated AS (
        UPDATE crisis_trust_months m SET ${measures.map(([c]) => `${c} = m.${c} + d.${c}`).join(', ')}
          FROM delta d JOIN locked l USING (${KEY})
         WHERE ${keyOf('m')} = ${keyOf('d')})
      INSERT INTO crisis_trust_months AS m (${KEY}, ${measures.map(([c]) => c).join(', ')})
      SELECT d.* FROM delta d WHERE NOT EXISTS (SELECT 1 FROM locked l WHERE ${keyOf('l')} = ${keyOf('d')})
       ORDER BY ${KEY}
      -- Another batch may have just added the group.
      ON CONFLICT (${KEY}) DO UPDATE SET ${measures.map(([c]) => `${c} = m.${c} + EXCLUDED.${c}`).join(', ')};

      WITH fresh AS (${summariesOf(`SELECT DISTINCT d.case_id FROM (${rows}) d`)}),
      gone AS (DELETE FROM case_trust_summaries x USING fresh f WHERE x.case_id = f.case_id AND f.month_index IS NULL)
      INSERT INTO case_trust_summaries AS x (${SUMMARY_COLUMNS})
      SELECT ${SUMMARY_VALUES} FROM fresh f WHERE f.month_index IS NOT NULL ORDER BY f.case_id
      ON CONFLICT (case_id) DO UPDATE SET
        crisis_id = EXCLUDED.crisis_id, latest_month_index = EXCLUDED.latest_month_index,
        latest_trust_index = EXCLUDED.latest_trust_index, latest_band = EXCLUDED.latest_band,
        latest_reasons = EXCLUDED.latest_reasons, first_recovered_month_index = EXCLUDED.first_recovered_month_index,
        month_indexes = EXCLUDED.month_indexes;
      RETURN NULL;
    END $$`;
}

/**
 * What the recovery dashboards read instead of every snapshot of a crisis, kept by statement
 * triggers on case_trust_snapshots, so they are right whoever writes the snapshots (the job,
 * a backfill, a fixture) and cost the job one aggregate per batch, not a rescan:
 *
 * - crisis_trust_months: per crisis, stakeholder kind (which never changes), month and
 *   currency, the counts and sums behind the recovery curve and the retained revenue. A
 *   dashboard over a whole crisis, or its customers or partners, adds up a few dozen rows
 *   instead of a row per case and month. Filters on mutable attributes (segment, region,
 *   impact, owners) still read the snapshots of the scoped cases.
 * - case_trust_summaries: per case, its latest snapshot (at risk), its first RECOVERED month
 *   (time to recovery) and the months it has snapshots of (promises kept per month), one row
 *   per case instead of a probe of its months.
 *
 * The snapshot indexes only those dashboards used go: every index on the table is written for
 * each of the 1,680,000 rows of a full snapshot run.
 */
export class TrustRollups1765100000000 implements MigrationInterface {
  name = 'TrustRollups1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE crisis_trust_months (
        crisis_id uuid NOT NULL REFERENCES crises (id),
        stakeholder_kind stakeholder_kind NOT NULL,
        month_index smallint NOT NULL,
        -- '' for snapshots without money.
        currency text NOT NULL CHECK (currency = '' OR currency ~ '^[A-Z]{3}$'),
        ${MEASURES.map(([c]) => `${c} ${c.endsWith('_sum') ? 'bigint' : 'integer'} NOT NULL CHECK (${c} >= 0)`).join(',\n        ')},
        PRIMARY KEY (crisis_id, stakeholder_kind, month_index, currency),
        CHECK (nps_respondents <= cases AND promoters + detractors <= nps_respondents AND csat_count <= cases
               AND retained <= cases AND paired_count <= revenue_count AND revenue_count <= cases)
      )`);
    await q.query(`
      CREATE TABLE case_trust_summaries (
        case_id uuid PRIMARY KEY REFERENCES recovery_cases (id),
        crisis_id uuid NOT NULL REFERENCES crises (id),
        latest_month_index smallint NOT NULL,
        latest_trust_index smallint NOT NULL,
        latest_band trust_band NOT NULL,
        latest_reasons jsonb NOT NULL,
        first_recovered_month_index smallint CHECK (first_recovered_month_index <= latest_month_index),
        -- The months it has a snapshot of, in order (a case opened late has none of the first).
        month_indexes smallint[] NOT NULL CHECK (month_indexes[array_upper(month_indexes, 1)] = latest_month_index)
      )`);
    // A crisis's at-risk cases, lowest trust first; and its cases' recovery months and snapshot months.
    await q.query(`
      CREATE INDEX case_trust_summaries_at_risk_idx ON case_trust_summaries (crisis_id, latest_trust_index, case_id)
        WHERE latest_band = 'AT_RISK'`);
    await q.query(`CREATE INDEX case_trust_summaries_crisis_idx ON case_trust_summaries (crisis_id) INCLUDE (first_recovered_month_index, month_indexes)`);
    for (const event of Object.keys(EVENTS) as SnapshotEvent[]) {
      await q.query(rollUpFunction(event));
      await q.query(`
        CREATE TRIGGER case_trust_snapshots_roll_up_${event.toLowerCase()} AFTER ${event} ON case_trust_snapshots
          REFERENCING ${EVENTS[event].tables} FOR EACH STATEMENT EXECUTE FUNCTION case_trust_snapshots_roll_up_${event.toLowerCase()}()`);
    }
    // The snapshots already there, by the same expressions.
    await q.query(`
      INSERT INTO crisis_trust_months (${KEY}, ${MEASURES.map(([c]) => c).join(', ')})
      ${groupedMeasures('SELECT 1 AS sign, s.* FROM case_trust_snapshots s')}`);
    await q.query(`
      INSERT INTO case_trust_summaries (${SUMMARY_COLUMNS})
      SELECT ${SUMMARY_VALUES} FROM (${summariesOf('SELECT DISTINCT case_id FROM case_trust_snapshots')}) f`);
    await q.query(`DROP INDEX case_trust_snapshots_curve_idx`);
    await q.query(`DROP INDEX case_trust_snapshots_recovered_idx`);
    // The leading columns of the curve index, which covered it.
    await q.query(`DROP INDEX case_trust_snapshots_crisis_month_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_trust_snapshots_crisis_month_idx ON case_trust_snapshots (crisis_id, month_index)`);
    await q.query(`
      CREATE INDEX case_trust_snapshots_recovered_idx ON case_trust_snapshots (case_id, month_index)
        WHERE case_status = 'RECOVERED'`);
    await q.query(`
      CREATE INDEX case_trust_snapshots_curve_idx ON case_trust_snapshots (crisis_id, month_index)
        INCLUDE (case_id, month_start, trust_index, latest_nps, latest_csat, case_status, revenue_minor, baseline_minor, currency)`);
    for (const event of Object.keys(EVENTS)) {
      await q.query(`DROP TRIGGER case_trust_snapshots_roll_up_${event.toLowerCase()} ON case_trust_snapshots`);
      await q.query(`DROP FUNCTION case_trust_snapshots_roll_up_${event.toLowerCase()}()`);
    }
    await q.query(`DROP TABLE case_trust_summaries`);
    await q.query(`DROP TABLE crisis_trust_months`);
  }
}
