import { DataSource } from 'typeorm';

/**
 * Random trust signals for every case of the given crises, set-based, covering what the
 * formula reads: surveys (with pre-crisis ones and same-instant ties), interactions of every
 * direction and outcome, revenue months (some in another currency than the baseline),
 * commitments of both parties in every status, outreach tasks, and status changes in the
 * audit trail (half of them entered after the fact), some of the signals voided. Used to check
 * that the TypeScript formula and the snapshot SQL agree.
 */
export async function generateTrustSignals(ds: DataSource, crisisIds: string[], actorId: string, now: Date): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  await q(`SELECT setseed(0.31)`);
  // Cases opened some days after their crisis started, in every status.
  await q(
    `UPDATE recovery_cases rc
        SET created_at = coalesce(c.started_at, c.detected_at) + random() * interval '20 days',
            status = (ARRAY['IDENTIFIED','CONTACTED','COMPENSATING','RECOVERING','RECOVERED','CHURNED']::case_status[])[1 + floor(random() * 6)::int]
       FROM crises c
      WHERE c.id = rc.crisis_id AND rc.crisis_id = ANY($1::uuid[])`,
    [crisisIds],
  );
  const cases = `SELECT rc.*, coalesce(c.started_at, c.detected_at) AS crisis_start FROM recovery_cases rc JOIN crises c ON c.id = rc.crisis_id
                  WHERE rc.crisis_id = ANY($1::uuid[])`;
  const span = `(extract(epoch FROM $2::timestamptz - x.crisis_start) + 60 * 86400)`;
  await q(
    `INSERT INTO survey_responses (case_id, stakeholder_id, contact_id, kind, score, responded_at, is_pre_crisis, recorded_by_id)
     SELECT case_id, stakeholder_id, NULL, kind,
            CASE WHEN kind = 'NPS' THEN floor(random() * 11) ELSE 1 + floor(random() * 5) END, at, at < crisis_start, $3
       FROM (SELECT x.id AS case_id, x.stakeholder_id, x.crisis_start,
                    (ARRAY['NPS','CSAT','TRUST']::survey_kind[])[1 + floor(random() * 3)::int] AS kind,
                    x.crisis_start - interval '60 days' + random() * ${span} * interval '1 second' AS at
               FROM (${cases}) x CROSS JOIN LATERAL generate_series(1, floor(random() * 14)::int + 0 * length(x.id::text)) g) s
     ON CONFLICT DO NOTHING`,
    [crisisIds, now.toISOString(), actorId],
  );
  // Same-instant answers from two contacts: the lower score must win in both implementations.
  await q(
    `WITH pick AS (SELECT x.id, x.stakeholder_id, x.crisis_start FROM (${cases}) x WHERE x.crisis_start < $2::timestamptz ORDER BY x.id LIMIT 3),
          added AS (
            INSERT INTO contacts (stakeholder_id, name) SELECT p.stakeholder_id, n FROM pick p CROSS JOIN (VALUES ('Ana Ruiz'), ('Ben Ode')) v(n)
            RETURNING id, stakeholder_id)
     INSERT INTO survey_responses (case_id, stakeholder_id, contact_id, kind, score, responded_at, is_pre_crisis, recorded_by_id)
     SELECT p.id, p.stakeholder_id, ct.id, 'NPS', CASE WHEN ct.id = (SELECT min(a.id::text)::uuid FROM added a WHERE a.stakeholder_id = p.stakeholder_id) THEN 9 ELSE 5 END,
            p.crisis_start + interval '40 days', false, $3
       FROM pick p JOIN added ct ON ct.stakeholder_id = p.stakeholder_id`,
    [crisisIds, now.toISOString(), actorId],
  );
  await q(
    `INSERT INTO interactions (case_id, channel, direction, occurred_at, actor_id, summary, outcome, sentiment)
     SELECT x.id, 'PHONE', (ARRAY['INBOUND','OUTBOUND','OUTBOUND']::interaction_direction[])[1 + floor(random() * 3)::int],
            x.crisis_start + random() * (${span} - 60 * 86400) * interval '1 second', $3, 'Call about the replacement unit',
            (ARRAY['REACHED','NO_ANSWER','LEFT_MESSAGE','DECLINED','RESOLVED']::interaction_outcome[])[1 + floor(random() * 5)::int],
            CASE WHEN random() < 0.7 THEN floor(random() * 5)::int - 2 END
       FROM (${cases}) x CROSS JOIN LATERAL generate_series(1, floor(random() * 22)::int + 0 * length(x.id::text)) g`,
    [crisisIds, now.toISOString(), actorId],
  );
  await q(
    `INSERT INTO stakeholder_revenue_months (stakeholder_id, month, amount_minor, currency, recorded_by_id)
     SELECT DISTINCT ON (st.id, m.month) st.id, m.month, floor(random() * 1.5 * coalesce(st.baseline_monthly_revenue_minor, 100000))::bigint,
            CASE WHEN random() < 0.1 THEN 'USD' ELSE coalesce(st.baseline_currency, 'EUR') END, $3
       FROM (${cases}) x JOIN stakeholders st ON st.id = x.stakeholder_id
      CROSS JOIN LATERAL (SELECT g::date AS month FROM generate_series(date_trunc('month', x.crisis_start) - interval '3 months',
                                                                     date_trunc('month', $2::timestamptz), interval '1 month') g) m
      WHERE random() < 0.8
      ORDER BY st.id, m.month`,
    [crisisIds, now.toISOString(), actorId],
  );
  await q(
    `INSERT INTO commitments (stakeholder_id, case_id, description, party, owner_user_id, owner_name, due_on, status, status_changed_at,
                              status_changed_by_id, created_by_id, created_at)
     SELECT stakeholder_id, id, 'Replace every affected unit', party, CASE WHEN party = 'OURS' THEN $3::uuid END,
            CASE WHEN party = 'THEIRS' THEN 'Their facilities lead' END,
            (created_at + random() * interval '40 days')::date, status,
            CASE WHEN status <> 'OPEN' THEN created_at + random() * interval '60 days' END,
            CASE WHEN status <> 'OPEN' THEN $3::uuid END, $3, created_at
       FROM (SELECT x.id, x.stakeholder_id, x.crisis_start + random() * (${span} - 60 * 86400) * interval '1 second' AS created_at,
                    CASE WHEN random() < 0.85 THEN 'OURS' ELSE 'THEIRS' END::commitment_party AS party,
                    (ARRAY['OPEN','DONE','DONE','DROPPED']::commitment_status[])[1 + floor(random() * 4)::int] AS status
               FROM (${cases}) x CROSS JOIN LATERAL generate_series(1, floor(random() * 5)::int + 0 * length(x.id::text)) g) c`,
    [crisisIds, now.toISOString(), actorId],
  );
  await q(
    `WITH cadence AS (INSERT INTO cadences (name, created_by_id) VALUES ('Trust fixture ' || gen_random_uuid(), $3) RETURNING id),
          enrolments AS (
            INSERT INTO cadence_enrolments (case_id, cadence_id, status, stopped_at, stop_reason)
            SELECT x.id, (SELECT id FROM cadence), 'STOPPED', now(), 'fixture' FROM (${cases}) x RETURNING id, case_id)
     INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action, due_at, original_due_at, status, completed_at, skipped_reason, created_at)
     SELECT e.id, e.case_id, g, 'PHONE', 'CALL', t.due_at, t.due_at, CASE WHEN t.completed_at IS NULL THEN 'OPEN' ELSE 'DONE' END::outreach_task_status,
            t.completed_at, NULL, c.created_at
       FROM enrolments e JOIN (${cases}) x ON x.id = e.case_id
      CROSS JOIN LATERAL generate_series(1, floor(random() * 6)::int + 0 * length(x.id::text)) g
      CROSS JOIN LATERAL (SELECT x.crisis_start + random() * (${span} - 60 * 86400) * interval '1 second' AS created_at) c
      CROSS JOIN LATERAL (SELECT c.created_at + random() * interval '30 days' AS due_at,
                                 CASE WHEN random() < 0.6 THEN c.created_at + random() * interval '45 days' END AS completed_at) t`,
    [crisisIds, now.toISOString(), actorId],
  );
  await q(
    `INSERT INTO audit_entries (occurred_at, actor_id, entity_type, entity_id, action, before, after)
     SELECT CASE WHEN y.entered_later THEN $2::timestamptz ELSE y.at END, $3, 'RECOVERY_CASE', y.id, 'CASE_STATUS_CHANGED', y.before,
            -- Half the changes were entered after the fact: recorded now, saying when they happened.
            CASE WHEN y.entered_later THEN y.after || jsonb_build_object('changedAt', y.at) ELSE y.after END
       FROM (SELECT x.id, x.crisis_start + random() * (${span} - 60 * 86400) * interval '1 second' AS at, random() < 0.5 AS entered_later,
                    jsonb_build_object('status', (ARRAY['IDENTIFIED','CONTACTED','RECOVERING','CHURNED'])[1 + floor(random() * 4)::int]) AS before,
                    jsonb_build_object('status', x.status) AS after
               FROM (${cases}) x CROSS JOIN LATERAL generate_series(1, floor(random() * 3)::int + 0 * length(x.id::text)) g) y`,
    [crisisIds, now.toISOString(), actorId],
  );
  // Some signals were logged on the wrong case and voided: no figure may count them.
  for (const table of ['interactions', 'survey_responses']) {
    await q(
      `UPDATE ${table} SET voided_at = $2, voided_by_id = $3, void_reason = 'Logged on the wrong case'
        WHERE case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = ANY($1::uuid[])) AND random() < 0.15`,
      [crisisIds, now.toISOString(), actorId],
    );
  }
}
