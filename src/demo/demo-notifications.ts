import { EntityManager } from 'typeorm';

export const NOTIFICATION_COLUMNS = {
  user_id: 'uuid',
  kind: 'text',
  title: 'text',
  body: 'text',
  record_type: 'text',
  record_id: 'uuid',
  dedupe_key: 'text',
  read_at: 'timestamptz',
  created_at: 'timestamptz',
};

/**
 * What the worker's sweeps would have raised by the load instant ($1), with their texts and
 * dedupe keys (so a sweep running after the load raises none of them twice): reminders of the
 * tasks due within the next hours of today (REMIND_TASKS_DUE), and the owners' overdue
 * commitments (CommitmentOverdueSweepService).
 */
const TASKS_DUE_SOON_SQL = `
INSERT INTO notifications (user_id, kind, title, body, record_type, record_id, dedupe_key, created_at)
SELECT c.owner_id, 'TASK_DUE_SOON', left('Due soon: ' || lower(t.action::text) || ' ' || st.name, 200),
       'Step ' || t.step_position || ' (' || lower(t.channel::text) || ') is due '
         || to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
       'OUTREACH_TASK', t.id, 'task-due-soon:' || t.id::text, $1::timestamptz - interval '5 minutes'
  FROM outreach_tasks t
  JOIN cadence_enrolments e ON e.id = t.enrolment_id AND e.status = 'ACTIVE'
  JOIN recovery_cases c ON c.id = t.case_id
  JOIN stakeholders st ON st.id = c.stakeholder_id
 WHERE t.status = 'OPEN' AND t.due_at >= $1::timestamptz
   AND t.due_at < date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day'
ON CONFLICT DO NOTHING`;

const COMMITMENTS_OVERDUE_SQL = `
INSERT INTO notifications (user_id, kind, title, body, record_type, record_id, dedupe_key, read_at, created_at)
SELECT c.owner_user_id, 'COMMITMENT_OVERDUE', 'Overdue commitment to ' || s.name, 'Due ' || c.due_on::text || ': ' || c.description,
       'COMMITMENT', c.id, 'commitment-overdue:' || c.id::text,
       -- The older ones have been seen; the latest is still unread.
       CASE WHEN c.due_on < ($1::timestamptz AT TIME ZONE 'UTC')::date - 14 THEN (c.due_on + 2)::timestamp AT TIME ZONE 'UTC' END,
       (c.due_on + 1)::timestamp AT TIME ZONE 'UTC'
  FROM commitments c JOIN stakeholders s ON s.id = c.stakeholder_id
 WHERE c.party = 'OURS' AND c.status = 'OPEN' AND c.due_on < ($1::timestamptz AT TIME ZONE 'UTC')::date
ON CONFLICT DO NOTHING`;

export async function writeSweepNotifications(manager: EntityManager, now: Date): Promise<void> {
  await manager.query(TASKS_DUE_SOON_SQL, [now.toISOString()]);
  await manager.query(COMMITMENTS_OVERDUE_SQL, [now.toISOString()]);
}
