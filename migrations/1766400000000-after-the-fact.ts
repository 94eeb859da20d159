import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regain is often filled in after the fact, and people make mistakes (issue 13, item 5).
 *
 * - Voiding: an interaction or a survey answer logged on the wrong case is voided with a
 *   reason rather than deleted. The row stays (and its audit entry says who and why); every
 *   figure reads only rows with `voided_at IS NULL`. A voided survey answer must not block
 *   logging the same answer on the right case, so the natural key becomes a partial unique
 *   index over live answers.
 * - The response facts (kept by the triggers on interactions) leave voided interactions out:
 *   voiding is an UPDATE, so the update trigger recomputes the case's facts at once.
 * - A case's and a commitment's `created_at` are when they were opened / made, which the API
 *   now takes from the user (defaulting to now); the audit entry keeps when they were recorded.
 */
export class AfterTheFact1766400000000 implements MigrationInterface {
  name = 'AfterTheFact1766400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['interactions', 'survey_responses']) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN voided_at timestamptz,
          ADD COLUMN voided_by_id uuid REFERENCES users (id),
          ADD COLUMN void_reason text,
          ADD CONSTRAINT ${table}_void_complete CHECK (
            (voided_at IS NULL AND voided_by_id IS NULL AND void_reason IS NULL)
            OR (voided_at IS NOT NULL AND voided_by_id IS NOT NULL AND btrim(void_reason) <> '' AND length(void_reason) <= 2000))`);
    }
    await q.query(`ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_natural_key`);
    await q.query(`
      CREATE UNIQUE INDEX survey_responses_natural_key ON survey_responses (case_id, contact_id, kind, responded_at)
        NULLS NOT DISTINCT WHERE voided_at IS NULL`);
    await q.query(refreshFunction('AND i.voided_at IS NULL'));
    await q.query(`COMMENT ON COLUMN recovery_cases.created_at IS 'When the case was opened (openCase.openedAt, by default when it was recorded); the CASE_OPENED audit entry says when it was recorded'`);
    await q.query(`COMMENT ON COLUMN commitments.created_at IS 'When the commitment was made (addCommitment.madeAt, by default when it was recorded); its audit entry says when it was recorded'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON COLUMN commitments.created_at IS NULL`);
    await q.query(`COMMENT ON COLUMN recovery_cases.created_at IS NULL`);
    await q.query(refreshFunction(''));
    await q.query(`DELETE FROM survey_responses WHERE voided_at IS NOT NULL`);
    await q.query(`DROP INDEX survey_responses_natural_key`);
    await q.query(`
      ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_natural_key
        UNIQUE NULLS NOT DISTINCT (case_id, contact_id, kind, responded_at)`);
    for (const table of ['interactions', 'survey_responses']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN voided_at, DROP COLUMN voided_by_id, DROP COLUMN void_reason`);
    }
  }
}

/** refresh_case_response_facts (1764750000000-dashboard-indexes) with a filter on the interactions read. */
function refreshFunction(filter: string): string {
  return `
      CREATE OR REPLACE FUNCTION refresh_case_response_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
                     FROM interactions i WHERE i.case_id = rc.id ${filter}) w) f
         WHERE rc.id = ANY (ids)
        ON CONFLICT (case_id) DO UPDATE SET
          first_outbound_at = EXCLUDED.first_outbound_at, outbound = EXCLUDED.outbound,
          outbound_templated = EXCLUDED.outbound_templated, reply_seconds = EXCLUDED.reply_seconds,
          unanswered_at = EXCLUDED.unanswered_at;
      END $$`;
}
