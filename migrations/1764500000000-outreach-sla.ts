import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA settings (one row), and the escalations the SLA sweep raises. The unique
 * (kind, subject_id, level) is what makes the sweep safe to run any number of times,
 * concurrently or after a worker died mid-run.
 */
export class OutreachSla1764500000000 implements MigrationInterface {
  name = 'OutreachSla1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
        golden_hours_minor smallint NOT NULL DEFAULT 4 CHECK (golden_hours_minor BETWEEN 1 AND 720),
        golden_hours_moderate smallint NOT NULL DEFAULT 4 CHECK (golden_hours_moderate BETWEEN 1 AND 720),
        golden_hours_severe smallint NOT NULL DEFAULT 4 CHECK (golden_hours_severe BETWEEN 1 AND 720),
        golden_hours_critical smallint NOT NULL DEFAULT 4 CHECK (golden_hours_critical BETWEEN 1 AND 720),
        golden_hours_impacts impact_level[] NOT NULL DEFAULT '{HIGH,CRITICAL}',
        reply_within_hours smallint NOT NULL DEFAULT 24 CHECK (reply_within_hours BETWEEN 1 AND 720),
        escalate_after_hours smallint NOT NULL DEFAULT 4 CHECK (escalate_after_hours BETWEEN 1 AND 720),
        task_reminder_minutes smallint NOT NULL DEFAULT 60 CHECK (task_reminder_minutes BETWEEN 1 AND 10080),
        updated_by_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO sla_settings DEFAULT VALUES`);

    await q.query(`CREATE TYPE sla_escalation_kind AS ENUM ('GOLDEN_HOURS_BREACHED', 'REPLY_BREACHED', 'TASK_OVERDUE')`);
    await q.query(`CREATE TYPE sla_escalation_level AS ENUM ('OWNER', 'LEADERSHIP')`);
    await q.query(`
      CREATE TABLE sla_escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES recovery_cases (id),
        kind sla_escalation_kind NOT NULL,
        -- The case (golden hours), the inbound interaction (reply) or the outreach task (overdue).
        subject_id uuid NOT NULL,
        level sla_escalation_level NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        notified_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid REFERENCES users (id),
        resolved_at timestamptz,
        CONSTRAINT sla_escalations_subject_key UNIQUE (kind, subject_id, level),
        CONSTRAINT sla_escalations_ack_pair CHECK ((acknowledged_at IS NULL) = (acknowledged_by_id IS NULL))
      )`);
    await q.query(`CREATE INDEX sla_escalations_case_idx ON sla_escalations (case_id, raised_at, id)`);
    await q.query(`CREATE INDEX sla_escalations_list_idx ON sla_escalations (raised_at, id)`);
    // The sweep's work queues: escalations still to notify, and open owner escalations that may go up.
    await q.query(`CREATE INDEX sla_escalations_unnotified_idx ON sla_escalations (raised_at) WHERE notified_at IS NULL`);
    await q.query(`
      CREATE INDEX sla_escalations_open_owner_idx ON sla_escalations (raised_at)
       WHERE level = 'OWNER' AND acknowledged_at IS NULL AND resolved_at IS NULL`);
    // First outbound, last outbound, first inbound after: the SLA clocks per case.
    await q.query(`CREATE INDEX interactions_case_direction_idx ON interactions (case_id, direction, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_case_direction_idx`);
    await q.query(`DROP TABLE sla_escalations`);
    await q.query(`DROP TYPE sla_escalation_level`);
    await q.query(`DROP TYPE sla_escalation_kind`);
    await q.query(`DROP TABLE sla_settings`);
  }
}
