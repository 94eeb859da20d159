import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index where there were two: the step key now leads with the case, so it also serves
 * every read of a case's tasks (the trust index as of an instant, My Day, settling a task by
 * an interaction) that outreach_tasks_case_due_idx served. Bulk enrolment writes four tasks a
 * case, and each index on the table was about a quarter of the cost of writing a task.
 * (case_id, enrolment_id, step_position) is as unique as (enrolment_id, step_position): the
 * composite foreign key ties each task's case to its enrolment's. Reads by enrolment name the
 * case as well, and so does the foreign key when it looks for the tasks of an enrolment.
 */
export class OutreachTaskCaseKey1765000000000 implements MigrationInterface {
  name = 'OutreachTaskCaseKey1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outreach_tasks DROP CONSTRAINT outreach_tasks_step_key`);
    await q.query(`DROP INDEX outreach_tasks_case_due_idx`);
    await q.query(`ALTER TABLE outreach_tasks ADD CONSTRAINT outreach_tasks_step_key UNIQUE (case_id, enrolment_id, step_position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outreach_tasks DROP CONSTRAINT outreach_tasks_step_key`);
    await q.query(`ALTER TABLE outreach_tasks ADD CONSTRAINT outreach_tasks_step_key UNIQUE (enrolment_id, step_position)`);
    await q.query(`CREATE INDEX outreach_tasks_case_due_idx ON outreach_tasks (case_id, due_at)`);
  }
}
