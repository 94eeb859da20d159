import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outreach task is done by whoever owns its case, so the task no longer keeps an owner of
 * its own. The copied owner_id went stale when a case was reassigned (the open tasks stayed
 * on the previous owner's day), and its foreign key and index were checked on every task
 * row that bulk enrolment writes.
 */
export class OutreachTaskOwnerFromCase1764600000000 implements MigrationInterface {
  name = 'OutreachTaskOwnerFromCase1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Drops the owner foreign key and outreach_tasks_owner_idx with it.
    await q.query(`ALTER TABLE outreach_tasks DROP COLUMN owner_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outreach_tasks ADD COLUMN owner_id uuid REFERENCES users (id)`);
    await q.query(`UPDATE outreach_tasks t SET owner_id = c.owner_id FROM recovery_cases c WHERE c.id = t.case_id`);
    await q.query(`ALTER TABLE outreach_tasks ALTER COLUMN owner_id SET NOT NULL`);
    await q.query(`CREATE INDEX outreach_tasks_owner_idx ON outreach_tasks (owner_id, status, due_at)`);
  }
}
