import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: users and sessions, the append-only audit trail, crises with their phase
 * history, stakeholders with contacts, and recovery cases.
 */
export class Foundation1764086400000 implements MigrationInterface {
  name = 'Foundation1764086400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`CREATE TYPE user_role AS ENUM ('AGENT', 'PARTNER_MANAGER', 'COMMS', 'LEADERSHIP', 'ADMIN')`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        role user_role NOT NULL,
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_role_idx ON users (role) WHERE is_active`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id),
        entity_type varchar(40) NOT NULL,
        entity_id uuid NOT NULL,
        action varchar(60) NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, id)`);
    // The audit trail is append-only for everyone, including the application's own role.
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);

    await q.query(`
      CREATE TYPE crisis_category AS ENUM ('PRODUCT_QUALITY', 'SERVICE_OUTAGE', 'DATA_BREACH', 'ETHICS',
        'MARKETING', 'EMPLOYEE_CONDUCT', 'EXTERNAL_EVENT', 'COMPETITOR_ATTACK')`);
    await q.query(`CREATE TYPE crisis_severity AS ENUM ('MINOR', 'MODERATE', 'SEVERE', 'CRITICAL')`);
    await q.query(`CREATE TYPE crisis_phase AS ENUM ('MITIGATION', 'PREPAREDNESS', 'RESPONSE', 'RECOVERY', 'CLOSED')`);
    await q.query(`
      CREATE TABLE crises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
        category crisis_category NOT NULL,
        severity crisis_severity NOT NULL,
        phase crisis_phase NOT NULL,
        started_at timestamptz,
        detected_at timestamptz NOT NULL,
        first_statement_at timestamptz,
        lead_id uuid REFERENCES users (id),
        spokesperson_id uuid REFERENCES users (id),
        created_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT crises_started_before_detected CHECK (started_at IS NULL OR started_at <= detected_at),
        CONSTRAINT crises_statement_after_start CHECK (
          first_statement_at IS NULL OR first_statement_at >= coalesce(started_at, detected_at))
      )`);
    await q.query(`CREATE INDEX crises_detected_idx ON crises (detected_at DESC, id DESC)`);
    await q.query(`CREATE INDEX crises_open_idx ON crises (phase) WHERE phase <> 'CLOSED'`);
    await q.query(`
      CREATE TABLE crisis_phase_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        crisis_id uuid NOT NULL REFERENCES crises (id),
        from_phase crisis_phase,
        to_phase crisis_phase NOT NULL,
        note varchar(2000),
        changed_by_id uuid REFERENCES users (id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_phase IS DISTINCT FROM to_phase)
      )`);
    await q.query(`CREATE INDEX crisis_phase_changes_crisis_idx ON crisis_phase_changes (crisis_id, id)`);

    await q.query(`CREATE TYPE stakeholder_kind AS ENUM ('CUSTOMER', 'PARTNER')`);
    await q.query(`CREATE TYPE stakeholder_tier AS ENUM ('STRATEGIC', 'KEY', 'STANDARD')`);
    await q.query(`
      CREATE TABLE stakeholders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind stakeholder_kind NOT NULL,
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        segment varchar(60),
        tier stakeholder_tier NOT NULL DEFAULT 'STANDARD',
        region varchar(60),
        time_zone varchar(64) NOT NULL DEFAULT 'UTC',
        owner_id uuid REFERENCES users (id),
        external_ref varchar(100),
        do_not_contact boolean NOT NULL DEFAULT false,
        baseline_monthly_revenue_minor bigint CHECK (baseline_monthly_revenue_minor >= 0),
        baseline_currency char(3) CHECK (baseline_currency ~ '^[A-Z]{3}$'),
        contract_reference varchar(100),
        contract_start_date date,
        contract_end_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stakeholders_baseline_has_currency CHECK (
          (baseline_monthly_revenue_minor IS NULL) = (baseline_currency IS NULL)),
        CONSTRAINT stakeholders_contract_only_for_partners CHECK (
          kind = 'PARTNER' OR (contract_reference IS NULL AND contract_start_date IS NULL AND contract_end_date IS NULL)),
        CONSTRAINT stakeholders_contract_dates_ordered CHECK (
          contract_start_date IS NULL OR contract_end_date IS NULL OR contract_end_date >= contract_start_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX stakeholders_external_ref_key ON stakeholders (external_ref) WHERE external_ref IS NOT NULL`);
    // Trigram index: case-insensitive partial-name search (ILIKE '%…%') without a sequential scan.
    await q.query(`CREATE INDEX stakeholders_name_trgm_idx ON stakeholders USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX stakeholders_name_idx ON stakeholders (name, id)`);
    await q.query(`CREATE INDEX stakeholders_owner_idx ON stakeholders (owner_id)`);
    await q.query(`CREATE INDEX stakeholders_kind_region_idx ON stakeholders (kind, region)`);

    await q.query(`CREATE TYPE contact_channel AS ENUM ('PHONE', 'EMAIL', 'SMS', 'CHAT', 'SOCIAL', 'VIDEO', 'IN_PERSON', 'LETTER')`);
    await q.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        title varchar(120),
        email varchar(254),
        phone varchar(40),
        preferred_channel contact_channel,
        is_executive boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX contacts_stakeholder_idx ON contacts (stakeholder_id, name)`);

    await q.query(`CREATE TYPE impact_level AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')`);
    await q.query(`CREATE TYPE case_status AS ENUM ('IDENTIFIED', 'CONTACTED', 'COMPENSATING', 'RECOVERING', 'RECOVERED', 'CHURNED')`);
    // Declared most urgent first, so ORDER BY priority lists the most urgent cases first.
    await q.query(`CREATE TYPE case_priority AS ENUM ('URGENT', 'HIGH', 'NORMAL', 'LOW')`);
    await q.query(`
      CREATE TABLE recovery_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        crisis_id uuid NOT NULL REFERENCES crises (id),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        impact impact_level NOT NULL,
        estimated_loss_minor bigint NOT NULL DEFAULT 0 CHECK (estimated_loss_minor >= 0),
        loss_currency char(3) NOT NULL CHECK (loss_currency ~ '^[A-Z]{3}$'),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
        owner_id uuid NOT NULL REFERENCES users (id),
        status case_status NOT NULL DEFAULT 'IDENTIFIED',
        priority case_priority NOT NULL DEFAULT 'NORMAL',
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        opened_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recovery_cases_one_per_stakeholder_and_crisis UNIQUE (crisis_id, stakeholder_id)
      )`);
    await q.query(`CREATE INDEX recovery_cases_owner_priority_idx ON recovery_cases (owner_id, priority, created_at, id)`);
    await q.query(`CREATE INDEX recovery_cases_crisis_status_idx ON recovery_cases (crisis_id, status)`);
    await q.query(`CREATE INDEX recovery_cases_stakeholder_idx ON recovery_cases (stakeholder_id)`);

    await q.query(`
      CREATE TABLE app_meta (
        key varchar(60) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_meta`);
    await q.query(`DROP TABLE recovery_cases`);
    await q.query(`DROP TYPE case_priority`);
    await q.query(`DROP TYPE case_status`);
    await q.query(`DROP TYPE impact_level`);
    await q.query(`DROP TABLE contacts`);
    await q.query(`DROP TYPE contact_channel`);
    await q.query(`DROP TABLE stakeholders`);
    await q.query(`DROP TYPE stakeholder_tier`);
    await q.query(`DROP TYPE stakeholder_kind`);
    await q.query(`DROP TABLE crisis_phase_changes`);
    await q.query(`DROP TABLE crises`);
    await q.query(`DROP TYPE crisis_phase`);
    await q.query(`DROP TYPE crisis_severity`);
    await q.query(`DROP TYPE crisis_category`);
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_append_only`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
  }
}
