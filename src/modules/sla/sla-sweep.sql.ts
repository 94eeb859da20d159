/**
 * The statements of one SLA sweep, all set-based. Each raise is INSERT … SELECT … ON CONFLICT
 * DO NOTHING against the unique (kind, subject_id, level), and each notification carries a
 * deterministic dedupe key, so a sweep may run late, twice, or concurrently and still raises
 * every escalation and notification exactly once. Each statement handles at most $1 rows, so
 * a backlog is worked off over several runs instead of in one giant transaction. Every
 * statement reads "now" from $2 (the resolving ones from $1), the injected clock's reading,
 * never the database's own clock: the rules and their tests read one clock.
 */

const SETTINGS = `(SELECT * FROM sla_settings LIMIT 1)`;
const CLOSED = `('RECOVERED', 'CHURNED')`;
/** The golden hours for a crisis's severity, given the aliases of its crises row and of sla_settings. */
export const goldenHoursOf = (crisis: string, settings: string) =>
  `(CASE ${crisis}.severity WHEN 'MINOR' THEN ${settings}.golden_hours_minor WHEN 'MODERATE' THEN ${settings}.golden_hours_moderate
                        WHEN 'SEVERE' THEN ${settings}.golden_hours_severe ELSE ${settings}.golden_hours_critical END)::int`;
/** goldenHoursOf with `cr` (crises) and `s` (sla_settings) in scope, as the sweep and the dashboards have them. */
export const GOLDEN_HOURS = goldenHoursOf('cr', 's');

/** Closes open escalations whose obligation was fulfilled after all, so they do not go up to leadership. */
export const RESOLVE_FULFILLED = `
  UPDATE sla_escalations e SET resolved_at = $1::timestamptz
   WHERE e.resolved_at IS NULL
     AND (EXISTS (SELECT 1 FROM recovery_cases c WHERE c.id = e.case_id AND c.status IN ${CLOSED})
      OR (e.kind = 'GOLDEN_HOURS_BREACHED'
          AND EXISTS (SELECT 1 FROM interactions o WHERE o.case_id = e.case_id AND o.voided_at IS NULL AND o.direction = 'OUTBOUND'))
      OR (e.kind = 'REPLY_BREACHED'
          AND EXISTS (SELECT 1 FROM interactions i JOIN interactions o ON o.case_id = i.case_id
                       WHERE i.id = e.subject_id AND o.voided_at IS NULL AND o.direction = 'OUTBOUND' AND o.occurred_at >= i.occurred_at))
      -- A voided message is owed no reply.
      OR (e.kind = 'REPLY_BREACHED' AND EXISTS (SELECT 1 FROM interactions i WHERE i.id = e.subject_id AND i.voided_at IS NOT NULL))
)`;

export const RESOLVE_TASKS_DONE = `
  UPDATE sla_escalations e SET resolved_at = $1::timestamptz
   WHERE e.resolved_at IS NULL AND e.kind = 'TASK_OVERDUE'
     AND NOT EXISTS (SELECT 1 FROM outreach_tasks t WHERE t.id = e.subject_id AND t.status = 'OPEN')`;

export const RAISE_GOLDEN_HOURS = `
  INSERT INTO sla_escalations (case_id, kind, subject_id, level, due_at, raised_at)
  SELECT c.id, 'GOLDEN_HOURS_BREACHED', c.id, 'OWNER', c.created_at + make_interval(hours => ${GOLDEN_HOURS}), $2::timestamptz
    FROM recovery_cases c
    JOIN crises cr ON cr.id = c.crisis_id
   CROSS JOIN ${SETTINGS} s
   WHERE c.status NOT IN ${CLOSED}
     AND c.impact = ANY (s.golden_hours_impacts)
     AND c.created_at + make_interval(hours => ${GOLDEN_HOURS}) < $2::timestamptz
     AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.case_id = c.id AND o.voided_at IS NULL AND o.direction = 'OUTBOUND')
     AND NOT EXISTS (SELECT 1 FROM sla_escalations e
                      WHERE e.kind = 'GOLDEN_HOURS_BREACHED' AND e.subject_id = c.id AND e.level = 'OWNER')
   LIMIT $1
  ON CONFLICT DO NOTHING`;

/** The oldest unanswered inbound message of each case (the first after its last outbound). */
export const RAISE_REPLY = `
  INSERT INTO sla_escalations (case_id, kind, subject_id, level, due_at, raised_at)
  SELECT u.case_id, 'REPLY_BREACHED', u.id, 'OWNER', u.occurred_at + make_interval(hours => s.reply_within_hours::int), $2::timestamptz
    FROM (SELECT DISTINCT ON (i.case_id) i.id, i.case_id, i.occurred_at
            FROM interactions i
           WHERE i.direction = 'INBOUND' AND i.voided_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM interactions o
                              WHERE o.case_id = i.case_id AND o.voided_at IS NULL AND o.direction = 'OUTBOUND' AND o.occurred_at >= i.occurred_at)
           ORDER BY i.case_id, i.occurred_at, i.id) u
    JOIN recovery_cases c ON c.id = u.case_id
   CROSS JOIN ${SETTINGS} s
   WHERE c.status NOT IN ${CLOSED}
     AND u.occurred_at + make_interval(hours => s.reply_within_hours::int) < $2::timestamptz
     AND NOT EXISTS (SELECT 1 FROM sla_escalations e WHERE e.kind = 'REPLY_BREACHED' AND e.subject_id = u.id AND e.level = 'OWNER')
   LIMIT $1
  ON CONFLICT DO NOTHING`;

/** "Overdue" is derived: an open task whose due time has passed (paused enrolments wait). */
export const RAISE_TASK_OVERDUE = `
  INSERT INTO sla_escalations (case_id, kind, subject_id, level, due_at, raised_at)
  SELECT t.case_id, 'TASK_OVERDUE', t.id, 'OWNER', t.due_at, $2::timestamptz
    FROM outreach_tasks t
   WHERE t.status = 'OPEN' AND t.due_at < $2::timestamptz
     AND NOT EXISTS (SELECT 1 FROM cadence_enrolments ce WHERE ce.id = t.enrolment_id AND ce.status = 'PAUSED')
     AND NOT EXISTS (SELECT 1 FROM sla_escalations e WHERE e.kind = 'TASK_OVERDUE' AND e.subject_id = t.id AND e.level = 'OWNER')
   ORDER BY t.due_at
   LIMIT $1
  ON CONFLICT DO NOTHING`;

export const RAISE_LEADERSHIP = `
  INSERT INTO sla_escalations (case_id, kind, subject_id, level, due_at, raised_at)
  SELECT e.case_id, e.kind, e.subject_id, 'LEADERSHIP', e.due_at, $2::timestamptz
    FROM sla_escalations e
   CROSS JOIN ${SETTINGS} s
   WHERE e.level = 'OWNER' AND e.acknowledged_at IS NULL AND e.resolved_at IS NULL
     AND e.raised_at + make_interval(hours => s.escalate_after_hours::int) < $2::timestamptz
     AND NOT EXISTS (SELECT 1 FROM sla_escalations l
                      WHERE l.kind = e.kind AND l.subject_id = e.subject_id AND l.level = 'LEADERSHIP')
   ORDER BY e.raised_at
   LIMIT $1
  ON CONFLICT DO NOTHING`;

/**
 * Notifies the recipients of escalations not yet notified: the case owner, or every active
 * LEADERSHIP user. SKIP LOCKED keeps a concurrent sweep off the same rows; the dedupe key
 * would stop a duplicate anyway.
 */
export const NOTIFY_ESCALATIONS = `
  WITH pending AS (
    UPDATE sla_escalations SET notified_at = $2::timestamptz
     WHERE id IN (SELECT id FROM sla_escalations WHERE notified_at IS NULL
                   ORDER BY raised_at LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING id, case_id, kind, level, due_at
  )
  INSERT INTO notifications (user_id, kind, title, body, record_type, record_id, dedupe_key, created_at)
  SELECT r.user_id, 'SLA_ESCALATION',
         left((CASE p.level WHEN 'LEADERSHIP' THEN 'Escalated to leadership: ' ELSE '' END)
           || (CASE p.kind WHEN 'GOLDEN_HOURS_BREACHED' THEN 'no first contact in the golden hours'
                           WHEN 'REPLY_BREACHED' THEN 'an inbound message is unanswered'
                           ELSE 'an outreach task is overdue' END)
           || ' for ' || st.name, 200),
         'It was due ' || to_char(p.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC on the case owned by '
           || owner.name || '. Act on the case, then acknowledge the escalation.',
         'SLA_ESCALATION', p.id, 'sla-escalation:' || p.id::text || ':' || r.user_id::text, $2::timestamptz
    FROM pending p
    JOIN recovery_cases c ON c.id = p.case_id
    JOIN stakeholders st ON st.id = c.stakeholder_id
    JOIN users owner ON owner.id = c.owner_id
    JOIN LATERAL (SELECT c.owner_id AS user_id WHERE p.level = 'OWNER'
                  UNION ALL
                  SELECT u.id FROM users u WHERE p.level = 'LEADERSHIP' AND u.role = 'LEADERSHIP' AND u.is_active) r ON true
  ON CONFLICT DO NOTHING`;

export const REMIND_TASKS_DUE = `
  INSERT INTO notifications (user_id, kind, title, body, record_type, record_id, dedupe_key, created_at)
  SELECT c.owner_id, 'TASK_DUE_SOON', left('Due soon: ' || lower(t.action::text) || ' ' || st.name, 200),
         'Step ' || t.step_position || ' (' || lower(t.channel::text) || ') is due '
           || to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         'OUTREACH_TASK', t.id, 'task-due-soon:' || t.id::text, $2::timestamptz
    FROM outreach_tasks t
    JOIN recovery_cases c ON c.id = t.case_id
    JOIN stakeholders st ON st.id = c.stakeholder_id
   WHERE t.status = 'OPEN' AND t.due_at >= $2::timestamptz
     -- A scalar subquery is computed once, so both ends bound the scan of the open-task index;
     -- joined to the settings row, the upper end was a filter over every future task.
     AND t.due_at <= $2::timestamptz + (SELECT make_interval(mins => task_reminder_minutes::int) FROM sla_settings LIMIT 1)
     AND NOT EXISTS (SELECT 1 FROM cadence_enrolments ce WHERE ce.id = t.enrolment_id AND ce.status = 'PAUSED')
   ORDER BY t.due_at
   LIMIT $1
  ON CONFLICT DO NOTHING`;
