import { EntityManager } from 'typeorm';
import { PlannedDue } from './task-schedule';

/** One task row to insert, before it has an id. */
export interface NewTask {
  enrolmentId: string;
  caseId: string;
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
  const live: { id: string; case_id: string; stakeholder_id: string }[] = await manager.query(
    `SELECT e.id, e.case_id, c.stakeholder_id
       FROM recovery_cases c JOIN cadence_enrolments e ON e.case_id = c.id AND e.status IN ('ACTIVE', 'PAUSED')
      WHERE c.stakeholder_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR e.id <> $2::uuid)`,
    [stakeholderIds, exceptEnrolmentId],
  );
  if (live.length === 0) return booked;
  const stakeholderOf = new Map(live.map((e) => [e.id, e.stakeholder_id]));
  // Tasks are keyed by (case, enrolment, step): both go in, pairwise.
  const rows: { enrolment_id: string; due_at: Date }[] = await manager.query(
    `SELECT t.enrolment_id, t.due_at
       FROM unnest($1::uuid[], $2::uuid[]) AS l(case_id, enrolment_id)
       JOIN outreach_tasks t ON t.case_id = l.case_id AND t.enrolment_id = l.enrolment_id AND t.status = 'OPEN'`,
    [live.map((e) => e.case_id), live.map((e) => e.id)],
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
    `INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action, template_id,
                                 due_at, original_due_at, fatigue_note, status)
     SELECT u.enrolment_id, u.case_id, u.step_position, u.channel::contact_channel,
            u.action::outreach_action, u.template_id, u.due_at, u.original_due_at, u.fatigue_note, 'OPEN'
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[],
                   $7::timestamptz[], $8::timestamptz[], $9::text[])
         AS u(enrolment_id, case_id, step_position, channel, action, template_id,
              due_at, original_due_at, fatigue_note)`,
    [
      tasks.map((t) => t.enrolmentId),
      tasks.map((t) => t.caseId),
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

/** A new enrolment whose tasks follow its stakeholder zone's shared plan. */
export interface PlannedEnrolment {
  enrolmentId: string;
  caseId: string;
  timeZone: string;
}

/** The steps' due times for enrolments with nothing booked yet: the same in every stakeholder of one zone. */
export interface ZonePlan {
  timeZone: string;
  planned: readonly PlannedDue[];
}

/**
 * Tasks for many enrolments that share per-zone plans, in one statement: the enrolments and
 * the (zone × step) plan go in as small arrays and Postgres makes the enrolments × steps rows,
 * so the wire carries one row per enrolment instead of one per task.
 */
export async function insertPlannedTasks(
  manager: EntityManager,
  enrolments: readonly PlannedEnrolment[],
  steps: readonly { position: number; channel: string; action: string; templateId: string | null }[],
  plans: readonly ZonePlan[],
): Promise<number> {
  if (enrolments.length === 0 || steps.length === 0) return 0;
  const cells = plans.flatMap((plan) => plan.planned.map((due, i) => ({ zone: plan.timeZone, step: steps[i], due })));
  const [{ n }]: { n: number }[] = await manager.query(
    `WITH inserted AS (
     INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action, template_id,
                                 due_at, original_due_at, fatigue_note, status)
     SELECT e.enrolment_id, e.case_id, p.step_position, p.channel::contact_channel,
            p.action::outreach_action, p.template_id, p.due_at, p.original_due_at, p.fatigue_note, 'OPEN'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS e(enrolment_id, case_id, time_zone)
       JOIN unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::text[])
         AS p(time_zone, step_position, channel, action, template_id, due_at, original_due_at, fatigue_note)
         ON p.time_zone = e.time_zone
     RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [
      enrolments.map((e) => e.enrolmentId),
      enrolments.map((e) => e.caseId),
      enrolments.map((e) => e.timeZone),
      cells.map((c) => c.zone),
      cells.map((c) => c.step.position),
      cells.map((c) => c.step.channel),
      cells.map((c) => c.step.action),
      cells.map((c) => c.step.templateId),
      cells.map((c) => c.due.dueAt.toISOString()),
      cells.map((c) => c.due.originalDueAt.toISOString()),
      cells.map((c) => c.due.fatigueNote),
    ],
  );
  return n;
}

/** Cancels the open tasks of the given enrolments; returns how many. */
export async function cancelOpenTasks(manager: EntityManager, enrolmentIds: readonly string[], now: Date): Promise<number> {
  if (enrolmentIds.length === 0) return 0;
  const [, count] = await manager.query(
    `UPDATE outreach_tasks t SET status = 'CANCELLED', completed_at = $2
       FROM cadence_enrolments e
      WHERE e.id = ANY($1::uuid[]) AND t.case_id = e.case_id AND t.enrolment_id = e.id AND t.status = 'OPEN'`,
    [enrolmentIds, now],
  );
  return count as number;
}
