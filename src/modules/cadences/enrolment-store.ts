import { EntityManager } from 'typeorm';
import { PlannedDue } from './task-schedule';

/** One task row to insert, before it has an id. */
export interface NewTask {
  enrolmentId: string;
  caseId: string;
  ownerId: string;
  stepPosition: number;
  channel: string;
  action: string;
  templateId: string | null;
  planned: PlannedDue;
}

/**
 * Open touches already planned for each stakeholder, for the contact-fatigue limit: through
 * their cases' live enrolments (only those have open tasks), on existing indexes.
 */
export async function bookedTouches(
  manager: EntityManager,
  stakeholderIds: readonly string[],
  exceptEnrolmentId: string | null = null,
): Promise<Map<string, Date[]>> {
  const booked = new Map<string, Date[]>();
  // Two steps, so that the common case (no live enrolment yet) never touches outreach_tasks.
  const live: { id: string; stakeholder_id: string }[] = await manager.query(
    `SELECT e.id, c.stakeholder_id
       FROM recovery_cases c JOIN cadence_enrolments e ON e.case_id = c.id AND e.status IN ('ACTIVE', 'PAUSED')
      WHERE c.stakeholder_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR e.id <> $2::uuid)`,
    [stakeholderIds, exceptEnrolmentId],
  );
  if (live.length === 0) return booked;
  const stakeholderOf = new Map(live.map((e) => [e.id, e.stakeholder_id]));
  const rows: { enrolment_id: string; due_at: Date }[] = await manager.query(
    `SELECT enrolment_id, due_at FROM outreach_tasks WHERE enrolment_id = ANY($1::uuid[]) AND status = 'OPEN'`,
    [live.map((e) => e.id)],
  );
  for (const row of rows) {
    const stakeholderId = stakeholderOf.get(row.enrolment_id)!;
    booked.set(stakeholderId, [...(booked.get(stakeholderId) ?? []), row.due_at]);
  }
  return booked;
}

/** All tasks in one statement, however many: one INSERT … SELECT FROM unnest. */
export async function insertTasks(manager: EntityManager, tasks: readonly NewTask[]): Promise<void> {
  if (tasks.length === 0) return;
  await manager.query(
    `INSERT INTO outreach_tasks (enrolment_id, case_id, owner_id, step_position, channel, action, template_id,
                                 due_at, original_due_at, fatigue_note, status)
     SELECT u.enrolment_id, u.case_id, u.owner_id, u.step_position, u.channel::contact_channel,
            u.action::outreach_action, u.template_id, u.due_at, u.original_due_at, u.fatigue_note, 'OPEN'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::uuid[],
                   $8::timestamptz[], $9::timestamptz[], $10::text[])
         AS u(enrolment_id, case_id, owner_id, step_position, channel, action, template_id,
              due_at, original_due_at, fatigue_note)`,
    [
      tasks.map((t) => t.enrolmentId),
      tasks.map((t) => t.caseId),
      tasks.map((t) => t.ownerId),
      tasks.map((t) => t.stepPosition),
      tasks.map((t) => t.channel),
      tasks.map((t) => t.action),
      tasks.map((t) => t.templateId),
      tasks.map((t) => t.planned.dueAt.toISOString()),
      tasks.map((t) => t.planned.originalDueAt.toISOString()),
      tasks.map((t) => t.planned.fatigueNote),
    ],
  );
}

/** Cancels the open tasks of the given enrolments; returns how many. */
export async function cancelOpenTasks(manager: EntityManager, enrolmentIds: readonly string[]): Promise<number> {
  if (enrolmentIds.length === 0) return 0;
  const [, count] = await manager.query(
    `UPDATE outreach_tasks SET status = 'CANCELLED', completed_at = now()
      WHERE enrolment_id = ANY($1::uuid[]) AND status = 'OPEN'`,
    [enrolmentIds],
  );
  return count as number;
}
