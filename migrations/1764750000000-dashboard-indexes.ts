import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the recovery dashboards, which aggregate a whole crisis at a time: covering
 * indexes so that the scan of a crisis's cases, compensation and snapshots reads the index
 * alone, and partial indexes for the per-case probes.
 *
 * And the response facts of each case, kept by statement-level triggers on interactions: a
 * crisis has hundreds of thousands of interactions, and the reply clock of every inbound
 * message needs them in order, which is far too slow to redo for every dashboard read. The
 * facts keep what the clocks need without fixing the SLA settings: the first outbound time,
 * the seconds each answered inbound message waited, and the times of the unanswered ones.
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

    await q.query(`
      CREATE TABLE case_response_facts (
        case_id uuid PRIMARY KEY REFERENCES recovery_cases (id),
        first_outbound_at timestamptz,
        outbound integer NOT NULL CHECK (outbound >= 0),
        outbound_templated integer NOT NULL CHECK (outbound_templated BETWEEN 0 AND outbound),
        -- Per answered inbound message, whole seconds (rounded up) until the first outbound at or after it.
        reply_seconds integer[] NOT NULL,
        -- Inbound messages with no outbound at or after them.
        unanswered_at timestamptz[] NOT NULL,
        CHECK ((first_outbound_at IS NULL) = (outbound = 0))
      )`);
    // Recomputes the facts of these cases from their interactions. The case rows are locked
    // first (in id order), so two transactions logging on one case take turns, and the second
    // recomputes with the first one's rows committed (each statement of a READ COMMITTED
    // function sees what has committed before it started).
    await q.query(`
      CREATE FUNCTION refresh_case_response_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM recovery_cases WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
        INSERT INTO case_response_facts (case_id, first_outbound_at, outbound, outbound_templated, reply_seconds, unanswered_at)
        SELECT rc.id, f.first_out, f.outbound, f.templated, coalesce(f.reply_seconds, '{}'), coalesce(f.unanswered, '{}')
          FROM recovery_cases rc
         CROSS JOIN LATERAL (
           SELECT min(w.occurred_at) FILTER (WHERE w.direction = 'OUTBOUND') AS first_out,
                  count(*) FILTER (WHERE w.direction = 'OUTBOUND')::int AS outbound,
                  count(*) FILTER (WHERE w.direction = 'OUTBOUND' AND w.templated)::int AS templated,
                  array_agg(ceil(extract(epoch FROM w.answered_at - w.occurred_at))::int ORDER BY w.occurred_at)
                    FILTER (WHERE w.direction = 'INBOUND' AND w.answered_at IS NOT NULL) AS reply_seconds,
                  array_agg(w.occurred_at ORDER BY w.occurred_at) FILTER (WHERE w.direction = 'INBOUND' AND w.answered_at IS NULL) AS unanswered
             FROM (SELECT i.direction, i.occurred_at, i.template_version_id IS NOT NULL AS templated,
                          -- Newest first, peers included: an outbound at the same instant answers.
                          min(i.occurred_at) FILTER (WHERE i.direction = 'OUTBOUND') OVER (ORDER BY i.occurred_at DESC) AS answered_at
                     FROM interactions i WHERE i.case_id = rc.id) w) f
         WHERE rc.id = ANY (ids)
        ON CONFLICT (case_id) DO UPDATE SET
          first_outbound_at = EXCLUDED.first_outbound_at, outbound = EXCLUDED.outbound,
          outbound_templated = EXCLUDED.outbound_templated, reply_seconds = EXCLUDED.reply_seconds,
          unanswered_at = EXCLUDED.unanswered_at;
      END $$`);
    await q.query(`
      CREATE FUNCTION interactions_refresh_response_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_response_facts(ARRAY(SELECT DISTINCT case_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_case_response_facts(ARRAY(SELECT DISTINCT case_id FROM old_rows));
        ELSE
          PERFORM refresh_case_response_facts(ARRAY(SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    // One recompute per statement and case, so a bulk insert recomputes set-based, not per row.
    await q.query(`
      CREATE TRIGGER interactions_response_facts_insert AFTER INSERT ON interactions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_refresh_response_facts()`);
    await q.query(`
      CREATE TRIGGER interactions_response_facts_update AFTER UPDATE ON interactions
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_refresh_response_facts()`);
    await q.query(`
      CREATE TRIGGER interactions_response_facts_delete AFTER DELETE ON interactions
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_refresh_response_facts()`);
    await q.query(`SELECT refresh_case_response_facts(ARRAY(SELECT DISTINCT case_id FROM interactions))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER interactions_response_facts_delete ON interactions`);
    await q.query(`DROP TRIGGER interactions_response_facts_update ON interactions`);
    await q.query(`DROP TRIGGER interactions_response_facts_insert ON interactions`);
    await q.query(`DROP FUNCTION interactions_refresh_response_facts()`);
    await q.query(`DROP FUNCTION refresh_case_response_facts(uuid[])`);
    await q.query(`DROP TABLE case_response_facts`);
    await q.query(`DROP INDEX commitments_case_due_idx`);
    await q.query(`DROP INDEX case_trust_snapshots_recovered_idx`);
    await q.query(`DROP INDEX case_trust_snapshots_curve_idx`);
    await q.query(`DROP INDEX compensations_case_value_idx`);
    await q.query(`DROP INDEX interactions_case_newest_idx`);
    await q.query(`DROP INDEX recovery_cases_dashboard_idx`);
  }
}
