import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the recovery dashboards, which aggregate a whole crisis at a time: covering
 * indexes so that the scan of a crisis's cases, interactions, compensation and snapshots
 * reads the index alone, and partial indexes for the per-case probes.
 */
export class DashboardIndexes1764750000000 implements MigrationInterface {
  name = 'DashboardIndexes1764750000000';

  async up(q: QueryRunner): Promise<void> {
    // The scoped cases of a crisis, with every column a dashboard filters or sums on.
    await q.query(`
      CREATE INDEX recovery_cases_dashboard_idx ON recovery_cases (crisis_id)
        INCLUDE (id, stakeholder_id, owner_id, impact, status, created_at, estimated_loss_minor, loss_currency)`);
    // Reply clocks and consistency: a case's interactions newest first, with direction and template.
    await q.query(`
      CREATE INDEX interactions_case_newest_idx ON interactions (case_id, occurred_at DESC)
        INCLUDE (direction, template_version_id)`);
    await q.query(`CREATE INDEX compensations_case_value_idx ON compensations (case_id) INCLUDE (kind, status, currency, value_minor)`);
    // The recovery curve: a crisis's snapshots with every column the curve reads.
    await q.query(`
      CREATE INDEX case_trust_snapshots_curve_idx ON case_trust_snapshots (crisis_id, month_index)
        INCLUDE (case_id, month_start, trust_index, latest_nps, latest_csat, case_status, revenue_minor, baseline_minor, currency)`);
    // Time to recovery: each case's first month with status RECOVERED.
    await q.query(`
      CREATE INDEX case_trust_snapshots_recovered_idx ON case_trust_snapshots (case_id, month_index)
        WHERE case_status = 'RECOVERED'`);
    // Promises due per case and month.
    await q.query(`CREATE INDEX commitments_case_due_idx ON commitments (case_id, due_on) WHERE party = 'OURS'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX commitments_case_due_idx`);
    await q.query(`DROP INDEX case_trust_snapshots_recovered_idx`);
    await q.query(`DROP INDEX case_trust_snapshots_curve_idx`);
    await q.query(`DROP INDEX compensations_case_value_idx`);
    await q.query(`DROP INDEX interactions_case_newest_idx`);
    await q.query(`DROP INDEX recovery_cases_dashboard_idx`);
  }
}
