import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cadences (ordered outreach steps), the severity × impact matrix that picks one for a new
 * case, enrolments of cases, and the outreach tasks they create.
 */
export class OutreachCadences1764400000000 implements MigrationInterface {
  name = 'OutreachCadences1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE outreach_action AS ENUM ('CALL', 'EMAIL', 'MEETING', 'SURVEY')`);
    await q.query(`CREATE TYPE outreach_task_status AS ENUM ('OPEN', 'DONE', 'SKIPPED', 'CANCELLED')`);
    await q.query(`CREATE TYPE cadence_enrolment_status AS ENUM ('ACTIVE', 'PAUSED', 'STOPPED')`);

    await q.query(`
      CREATE TABLE cadences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        is_active boolean NOT NULL DEFAULT true,
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX cadences_name_key ON cadences (lower(name))`);

    await q.query(`
      CREATE TABLE cadence_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadence_id uuid NOT NULL REFERENCES cadences (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        offset_iso varchar(40) NOT NULL,
        channel contact_channel NOT NULL,
        action outreach_action NOT NULL,
        template_id uuid REFERENCES message_templates (id),
        CONSTRAINT cadence_steps_position_key UNIQUE (cadence_id, position)
      )`);

    await q.query(`
      CREATE TABLE cadence_matrix (
        severity crisis_severity NOT NULL,
        impact impact_level NOT NULL,
        cadence_id uuid NOT NULL REFERENCES cadences (id),
        updated_by_id uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (severity, impact)
      )`);

    await q.query(`
      CREATE TABLE cadence_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES recovery_cases (id),
        cadence_id uuid NOT NULL REFERENCES cadences (id),
        status cadence_enrolment_status NOT NULL DEFAULT 'ACTIVE',
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        enrolled_by_id uuid REFERENCES users (id),
        paused_at timestamptz,
        stopped_at timestamptz,
        stop_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cadence_enrolments_id_case_key UNIQUE (id, case_id),
        CONSTRAINT cadence_enrolments_paused_has_time CHECK (status <> 'PAUSED' OR paused_at IS NOT NULL),
        CONSTRAINT cadence_enrolments_stopped_has_reason CHECK (status <> 'STOPPED' OR (stopped_at IS NOT NULL AND stop_reason IS NOT NULL))
      )`);
    // At most one live enrolment per case: two cadences at once would double the touches.
    await q.query(`
      CREATE UNIQUE INDEX cadence_enrolments_one_live_per_case ON cadence_enrolments (case_id)
        WHERE status IN ('ACTIVE', 'PAUSED')`);

    await q.query(`
      CREATE TABLE outreach_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL,
        case_id uuid NOT NULL,
        owner_id uuid NOT NULL REFERENCES users (id),
        step_position integer NOT NULL CHECK (step_position >= 1),
        channel contact_channel NOT NULL,
        action outreach_action NOT NULL,
        template_id uuid REFERENCES message_templates (id),
        due_at timestamptz NOT NULL,
        original_due_at timestamptz NOT NULL,
        fatigue_note text,
        status outreach_task_status NOT NULL DEFAULT 'OPEN',
        done_interaction_id uuid REFERENCES interactions (id),
        skipped_reason text CHECK (length(skipped_reason) <= 2000),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- One composite check proves both that the enrolment exists and that the task's case is
        -- the enrolment's (whose case_id references recovery_cases): case_id is a foreign key to
        -- recovery_cases through it, at one per-row check instead of two, which bulk enrolment pays for.
        CONSTRAINT outreach_tasks_enrolment_fk FOREIGN KEY (enrolment_id, case_id) REFERENCES cadence_enrolments (id, case_id),
        CONSTRAINT outreach_tasks_step_key UNIQUE (enrolment_id, step_position),
        CONSTRAINT outreach_tasks_open_not_completed CHECK ((status = 'OPEN') = (completed_at IS NULL)),
        CONSTRAINT outreach_tasks_skipped_has_reason CHECK (status <> 'SKIPPED' OR skipped_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX outreach_tasks_owner_idx ON outreach_tasks (owner_id, status, due_at)`);
    // The overdue sweep: status = 'OPEN' AND due_at < now().
    await q.query(`CREATE INDEX outreach_tasks_open_due_idx ON outreach_tasks (due_at) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outreach_tasks`);
    await q.query(`DROP TABLE cadence_enrolments`);
    await q.query(`DROP TABLE cadence_matrix`);
    await q.query(`DROP TABLE cadence_steps`);
    await q.query(`DROP TABLE cadences`);
    await q.query(`DROP TYPE cadence_enrolment_status`);
    await q.query(`DROP TYPE outreach_task_status`);
    await q.query(`DROP TYPE outreach_action`);
  }
}
