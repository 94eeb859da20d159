import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings with their attendees and reschedule history, and the commitments made there
 * (the joint recovery plan) with their KPI measurements.
 */
export class Meetings1764300000000 implements MigrationInterface {
  name = 'Meetings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Lets one GiST index combine "same user" (=) with "overlapping time" (&&).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // Targets for the composite foreign keys below: a meeting's case and contacts must
    // belong to the meeting's own stakeholder, checked by the database itself.
    await q.query(`CREATE UNIQUE INDEX recovery_cases_id_stakeholder_key ON recovery_cases (id, stakeholder_id)`);
    await q.query(`CREATE UNIQUE INDEX contacts_id_stakeholder_key ON contacts (id, stakeholder_id)`);

    await q.query(`CREATE TYPE meeting_kind AS ENUM ('FOLLOW_UP_CALL', 'REVIEW_MEETING', 'SITE_VISIT', 'EXECUTIVE_VISIT')`);
    await q.query(`CREATE TYPE meeting_status AS ENUM ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')`);
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uid varchar(255) NOT NULL,
        kind meeting_kind NOT NULL,
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        case_id uuid,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone varchar(64) NOT NULL,
        location varchar(500),
        video_link varchar(2000),
        organiser_id uuid NOT NULL REFERENCES users (id),
        agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 20000),
        status meeting_status NOT NULL DEFAULT 'SCHEDULED',
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        outcome_summary text CHECK (length(outcome_summary) <= 20000),
        sentiment smallint CHECK (sentiment BETWEEN -2 AND 2),
        cancel_reason varchar(2000),
        status_changed_at timestamptz,
        status_changed_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_uid_key UNIQUE (uid),
        CONSTRAINT meetings_id_stakeholder_key UNIQUE (id, stakeholder_id),
        CONSTRAINT meetings_case_of_stakeholder FOREIGN KEY (case_id, stakeholder_id)
          REFERENCES recovery_cases (id, stakeholder_id),
        CONSTRAINT meetings_starts_before_ends CHECK (starts_at < ends_at),
        CONSTRAINT meetings_at_most_12_hours CHECK (ends_at - starts_at <= interval '12 hours'),
        CONSTRAINT meetings_has_place_or_link CHECK (location IS NOT NULL OR video_link IS NOT NULL),
        CONSTRAINT meetings_completed_has_outcome CHECK (
          status <> 'COMPLETED' OR (outcome_summary IS NOT NULL AND sentiment IS NOT NULL)),
        CONSTRAINT meetings_cancelled_has_reason CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX meetings_stakeholder_idx ON meetings (stakeholder_id, starts_at)`);
    await q.query(`CREATE INDEX meetings_case_idx ON meetings (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX meetings_organiser_idx ON meetings (organiser_id, starts_at)`);

    await q.query(`
      CREATE TABLE meeting_attendees (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        user_id uuid NOT NULL REFERENCES users (id),
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND upper(during) - lower(during) <= interval '12 hours'),
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (meeting_id, user_id),
        -- No one is in two live meetings at once; [) ranges let meetings run back to back.
        CONSTRAINT meeting_attendees_no_double_booking EXCLUDE USING gist (user_id WITH =, during WITH &&) WHERE (active)
      )`);

    await q.query(`
      CREATE TABLE meeting_contacts (
        meeting_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        stakeholder_id uuid NOT NULL,
        PRIMARY KEY (meeting_id, contact_id),
        CONSTRAINT meeting_contacts_meeting_fk FOREIGN KEY (meeting_id, stakeholder_id) REFERENCES meetings (id, stakeholder_id),
        CONSTRAINT meeting_contacts_contact_of_stakeholder FOREIGN KEY (contact_id, stakeholder_id)
          REFERENCES contacts (id, stakeholder_id)
      )`);
    await q.query(`CREATE INDEX meeting_contacts_contact_idx ON meeting_contacts (contact_id)`);

    await q.query(`
      CREATE TABLE meeting_reschedules (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        old_starts_at timestamptz NOT NULL,
        old_ends_at timestamptz NOT NULL,
        old_time_zone varchar(64) NOT NULL,
        new_starts_at timestamptz NOT NULL,
        new_ends_at timestamptz NOT NULL,
        new_time_zone varchar(64) NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        reason varchar(2000),
        rescheduled_by_id uuid NOT NULL REFERENCES users (id),
        rescheduled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_reschedules_sequence_key UNIQUE (meeting_id, sequence)
      )`);

    await q.query(`CREATE TYPE commitment_party AS ENUM ('OURS', 'THEIRS')`);
    await q.query(`CREATE TYPE commitment_status AS ENUM ('OPEN', 'DONE', 'DROPPED')`);
    await q.query(`
      CREATE TABLE commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        case_id uuid,
        meeting_id uuid,
        description varchar(2000) NOT NULL CHECK (btrim(description) <> ''),
        party commitment_party NOT NULL,
        owner_user_id uuid REFERENCES users (id),
        owner_contact_id uuid,
        owner_name varchar(200),
        due_on date NOT NULL,
        kpi_name varchar(120),
        kpi_target numeric(20, 4),
        kpi_unit varchar(40),
        status commitment_status NOT NULL DEFAULT 'OPEN',
        status_note varchar(2000),
        status_changed_at timestamptz,
        status_changed_by_id uuid REFERENCES users (id),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT commitments_case_of_stakeholder FOREIGN KEY (case_id, stakeholder_id)
          REFERENCES recovery_cases (id, stakeholder_id),
        CONSTRAINT commitments_meeting_of_stakeholder FOREIGN KEY (meeting_id, stakeholder_id)
          REFERENCES meetings (id, stakeholder_id),
        CONSTRAINT commitments_contact_of_stakeholder FOREIGN KEY (owner_contact_id, stakeholder_id)
          REFERENCES contacts (id, stakeholder_id),
        CONSTRAINT commitments_has_origin CHECK (case_id IS NOT NULL OR meeting_id IS NOT NULL),
        CONSTRAINT commitments_owner_matches_party CHECK (
          (party = 'OURS' AND owner_user_id IS NOT NULL AND owner_contact_id IS NULL AND owner_name IS NULL)
          OR (party = 'THEIRS' AND owner_user_id IS NULL AND (owner_contact_id IS NOT NULL OR owner_name IS NOT NULL))),
        CONSTRAINT commitments_kpi_complete CHECK ((kpi_name IS NULL) = (kpi_target IS NULL) AND (kpi_unit IS NULL OR kpi_name IS NOT NULL)),
        CONSTRAINT commitments_resolution_recorded CHECK ((status = 'OPEN') = (status_changed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX commitments_stakeholder_idx ON commitments (stakeholder_id, status, due_on)`);
    await q.query(`CREATE INDEX commitments_case_idx ON commitments (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX commitments_meeting_idx ON commitments (meeting_id) WHERE meeting_id IS NOT NULL`);
    await q.query(`CREATE INDEX commitments_owner_open_idx ON commitments (owner_user_id, due_on) WHERE status = 'OPEN'`);

    await q.query(`
      CREATE TABLE commitment_kpi_measurements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        commitment_id uuid NOT NULL REFERENCES commitments (id),
        measured_at timestamptz NOT NULL,
        value numeric(20, 4) NOT NULL,
        note varchar(2000),
        recorded_by_id uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX commitment_kpi_measurements_commitment_idx ON commitment_kpi_measurements (commitment_id, measured_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE commitment_kpi_measurements`);
    await q.query(`DROP TABLE commitments`);
    await q.query(`DROP TYPE commitment_status`);
    await q.query(`DROP TYPE commitment_party`);
    await q.query(`DROP TABLE meeting_reschedules`);
    await q.query(`DROP TABLE meeting_contacts`);
    await q.query(`DROP TABLE meeting_attendees`);
    await q.query(`DROP TABLE meetings`);
    await q.query(`DROP TYPE meeting_status`);
    await q.query(`DROP TYPE meeting_kind`);
    await q.query(`DROP INDEX contacts_id_stakeholder_key`);
    await q.query(`DROP INDEX recovery_cases_id_stakeholder_key`);
  }
}
