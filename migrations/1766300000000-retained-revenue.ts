import { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTS, groupedMeasures, KEY_COLUMNS, Measure, MEASURES, rollUpFunction, SnapshotEvent } from './1765100000000-trust-rollups';

/**
 * A snapshot carries the latest revenue among its month and the two before (the trust index's
 * fallback), so adding up snapshots counted one recorded month up to three times. Retained
 * revenue counts each recorded month once: in the snapshot of that very month
 * (revenue_month = month_start), when the case was not CHURNED at that month's end.
 */
const RETAINED = `d.revenue_month = d.month_start AND d.case_status <> 'CHURNED'`;
const RETAINED_MEASURES: Measure[] = [
  ['retained_revenue_count', `sum(d.sign) FILTER (WHERE ${RETAINED})`],
  ['retained_revenue_sum', `sum(d.sign * d.revenue_minor) FILTER (WHERE ${RETAINED})`],
];

const replaceFunction = (event: SnapshotEvent, measures: Measure[]) =>
  rollUpFunction(event, measures).replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');

/** crisis_trust_months keeps the retained revenue per group, by the triggers, backfilled from the snapshots already there. */
export class RetainedRevenue1766300000000 implements MigrationInterface {
  name = 'RetainedRevenue1766300000000';

  async up(q: QueryRunner): Promise<void> {
    // The triggers add into every group a statement touches, so no snapshot may change until they are replaced.
    await q.query(`LOCK TABLE case_trust_snapshots IN SHARE MODE`);
    await q.query(`
      ALTER TABLE crisis_trust_months
        ADD COLUMN retained_revenue_count integer NOT NULL DEFAULT 0 CHECK (retained_revenue_count >= 0),
        ADD COLUMN retained_revenue_sum bigint NOT NULL DEFAULT 0 CHECK (retained_revenue_sum >= 0),
        ADD CONSTRAINT crisis_trust_months_retained_le_revenue CHECK (retained_revenue_count <= revenue_count)`);
    for (const event of Object.keys(EVENTS) as SnapshotEvent[]) {
      await q.query(replaceFunction(event, [...MEASURES, ...RETAINED_MEASURES]));
    }
    await q.query(`
      UPDATE crisis_trust_months m SET retained_revenue_count = g.retained_revenue_count, retained_revenue_sum = g.retained_revenue_sum
        FROM (${groupedMeasures('SELECT 1 AS sign, s.* FROM case_trust_snapshots s', RETAINED_MEASURES)}) g
       WHERE (${KEY_COLUMNS.map((c) => `m.${c}`).join(', ')}) = (${KEY_COLUMNS.map((c) => `g.${c}`).join(', ')})
         AND (g.retained_revenue_count, g.retained_revenue_sum) <> (0, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE case_trust_snapshots IN SHARE MODE`);
    for (const event of Object.keys(EVENTS) as SnapshotEvent[]) await q.query(replaceFunction(event, MEASURES));
    await q.query(`
      ALTER TABLE crisis_trust_months DROP CONSTRAINT crisis_trust_months_retained_le_revenue,
        DROP COLUMN retained_revenue_count, DROP COLUMN retained_revenue_sum`);
  }
}
