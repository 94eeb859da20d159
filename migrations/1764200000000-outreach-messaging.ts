import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach, first part: approved message templates with versions, logged interactions
 * (the case timeline reads them with the case's status changes), and in-app notifications.
 */
export class OutreachMessaging1764200000000 implements MigrationInterface {
  name = 'OutreachMessaging1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE message_kind AS ENUM ('STATEMENT', 'TALKING_POINT', 'REPLY')`);
    await q.query(`CREATE TYPE template_version_status AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED')`);
    await q.query(`
      CREATE TABLE message_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        crisis_id uuid NOT NULL REFERENCES crises (id),
        channel contact_channel NOT NULL,
        kind message_kind NOT NULL,
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT message_templates_name_key UNIQUE (crisis_id, channel, name)
      )`);
    await q.query(`CREATE INDEX message_templates_crisis_idx ON message_templates (crisis_id, name, id)`);

    await q.query(`
      CREATE TABLE message_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES message_templates (id),
        version integer NOT NULL CHECK (version > 0),
        subject varchar(300),
        body text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 20000),
        status template_version_status NOT NULL DEFAULT 'DRAFT',
        author_id uuid NOT NULL REFERENCES users (id),
        submitted_by_id uuid REFERENCES users (id),
        submitted_at timestamptz,
        approved_by_id uuid REFERENCES users (id),
        approved_at timestamptz,
        retired_by_id uuid REFERENCES users (id),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT message_template_versions_number_key UNIQUE (template_id, version),
        CONSTRAINT message_template_versions_not_self_approved CHECK (approved_by_id IS NULL OR approved_by_id <> author_id),
        CONSTRAINT message_template_versions_submitted_check
          CHECK (status IN ('DRAFT', 'RETIRED') OR (submitted_at IS NOT NULL AND submitted_by_id IS NOT NULL)),
        CONSTRAINT message_template_versions_approved_check
          CHECK (status <> 'APPROVED' OR (approved_at IS NOT NULL AND approved_by_id IS NOT NULL)),
        CONSTRAINT message_template_versions_retired_check
          CHECK (status <> 'RETIRED' OR retired_at IS NOT NULL)
      )`);
    // "One voice": at most one version of a template is in use at a time, whatever the races.
    await q.query(`
      CREATE UNIQUE INDEX message_template_versions_one_approved
      ON message_template_versions (template_id) WHERE status = 'APPROVED'`);

    await q.query(`CREATE TYPE interaction_direction AS ENUM ('INBOUND', 'OUTBOUND')`);
    await q.query(`CREATE TYPE interaction_outcome AS ENUM ('REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'DECLINED', 'RESOLVED')`);
    await q.query(`
      CREATE TABLE interactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES recovery_cases (id),
        contact_id uuid REFERENCES contacts (id),
        channel contact_channel NOT NULL,
        direction interaction_direction NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        summary text NOT NULL CHECK (btrim(summary) <> '' AND length(summary) <= 5000),
        outcome interaction_outcome NOT NULL,
        sentiment smallint CHECK (sentiment BETWEEN -2 AND 2),
        template_version_id uuid REFERENCES message_template_versions (id),
        follow_up_needed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interactions_case_timeline_idx ON interactions (case_id, occurred_at, id)`);
    await q.query(`CREATE INDEX interactions_contact_idx ON interactions (contact_id) WHERE contact_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX interactions_template_version_idx ON interactions (template_version_id)
      WHERE template_version_id IS NOT NULL`);
    await q.query(`CREATE INDEX interactions_actor_idx ON interactions (actor_id, occurred_at)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind varchar(60) NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]*$'),
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 5000),
        record_type varchar(40),
        record_id uuid,
        dedupe_key varchar(200),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // NULL keys are distinct, so only notifications that carry a key are de-duplicated.
    await q.query(`CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (dedupe_key)`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at, id)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at, id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE interactions`);
    await q.query(`DROP TYPE interaction_outcome`);
    await q.query(`DROP TYPE interaction_direction`);
    await q.query(`DROP TABLE message_template_versions`);
    await q.query(`DROP TABLE message_templates`);
    await q.query(`DROP TYPE template_version_status`);
    await q.query(`DROP TYPE message_kind`);
  }
}
