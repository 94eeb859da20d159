import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compensation of recovery cases, its approval policy (limits per role and currency, the
 * extension-months and fairness rules), entitlement defaults per crisis, and the idempotency
 * keys of issuing.
 */
export class Compensation1764100000000 implements MigrationInterface {
  name = 'Compensation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE compensation_kind AS ENUM ('REFUND', 'COUPON', 'CONTRACT_EXTENSION', 'SERVICE_CREDIT', 'CUSTOM')`);
    await q.query(`
      CREATE TYPE compensation_status AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'CANCELLED', 'ISSUED', 'ACCEPTED', 'DECLINED')`);
    await q.query(`
      CREATE TABLE compensations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES recovery_cases (id),
        kind compensation_kind NOT NULL,
        status compensation_status NOT NULL DEFAULT 'PROPOSED',
        value_minor bigint NOT NULL CHECK (value_minor > 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        refund_reference varchar(100) CHECK (btrim(refund_reference) <> ''),
        coupon_percent smallint CHECK (coupon_percent BETWEEN 1 AND 100),
        coupon_expires_on date,
        coupon_code varchar(14) CHECK (coupon_code ~ '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$'),
        extension_months smallint CHECK (extension_months BETWEEN 1 AND 36),
        description varchar(2000) CHECK (btrim(description) <> ''),
        proposed_by_id uuid NOT NULL REFERENCES users (id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        approved_by_id uuid REFERENCES users (id),
        approved_at timestamptz,
        approval_justification varchar(2000),
        rejected_by_id uuid REFERENCES users (id),
        rejected_at timestamptz,
        rejection_reason varchar(2000),
        cancelled_by_id uuid REFERENCES users (id),
        cancelled_at timestamptz,
        cancellation_reason varchar(2000),
        issued_by_id uuid REFERENCES users (id),
        issued_at timestamptz,
        issue_reference varchar(100),
        contract_end_before date,
        contract_end_after date,
        responded_by_id uuid REFERENCES users (id),
        responded_at timestamptz,
        decline_reason varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensations_refund_fields CHECK (
          (kind = 'REFUND') = (refund_reference IS NOT NULL)),
        CONSTRAINT compensations_coupon_fields CHECK (
          (kind = 'COUPON') = (coupon_expires_on IS NOT NULL)
          AND (kind = 'COUPON' OR (coupon_percent IS NULL AND coupon_code IS NULL))),
        CONSTRAINT compensations_coupon_code_when_issued CHECK (
          kind <> 'COUPON' OR (coupon_code IS NOT NULL) = (status IN ('ISSUED', 'ACCEPTED', 'DECLINED'))),
        CONSTRAINT compensations_extension_fields CHECK (
          (kind = 'CONTRACT_EXTENSION') = (extension_months IS NOT NULL)
          AND (kind = 'CONTRACT_EXTENSION' OR (contract_end_before IS NULL AND contract_end_after IS NULL))),
        CONSTRAINT compensations_custom_described CHECK (kind <> 'CUSTOM' OR description IS NOT NULL),
        CONSTRAINT compensations_approved_recorded CHECK (
          (status IN ('APPROVED', 'ISSUED', 'ACCEPTED', 'DECLINED')) <= (approved_by_id IS NOT NULL AND approved_at IS NOT NULL)),
        CONSTRAINT compensations_rejected_recorded CHECK (
          (status = 'REJECTED') = (rejected_by_id IS NOT NULL AND rejected_at IS NOT NULL AND rejection_reason IS NOT NULL)),
        CONSTRAINT compensations_cancelled_recorded CHECK (
          (status = 'CANCELLED') = (cancelled_by_id IS NOT NULL AND cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)),
        CONSTRAINT compensations_issued_recorded CHECK (
          (status IN ('ISSUED', 'ACCEPTED', 'DECLINED')) = (issued_by_id IS NOT NULL AND issued_at IS NOT NULL)),
        CONSTRAINT compensations_response_recorded CHECK (
          (status IN ('ACCEPTED', 'DECLINED')) = (responded_by_id IS NOT NULL AND responded_at IS NOT NULL)
          AND (status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CONSTRAINT compensations_four_eyes CHECK (approved_by_id IS DISTINCT FROM proposed_by_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX compensations_coupon_code_key ON compensations (coupon_code) WHERE coupon_code IS NOT NULL`);
    await q.query(`CREATE INDEX compensations_case_idx ON compensations (case_id, proposed_at, id)`);
    // The approval queue: proposals only, oldest first.
    await q.query(`CREATE INDEX compensations_proposed_queue_idx ON compensations (proposed_at, id) WHERE status = 'PROPOSED'`);

    await q.query(`
      CREATE TABLE compensation_issue_requests (
        idempotency_key varchar(100) PRIMARY KEY CHECK (length(idempotency_key) >= 8),
        compensation_id uuid NOT NULL REFERENCES compensations (id),
        request_hash char(64) NOT NULL,
        result jsonb NOT NULL,
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX compensation_issue_requests_compensation_idx ON compensation_issue_requests (compensation_id)`);

    // A row with currency NULL is the role's limit in every currency without its own row;
    // limit_minor NULL means unlimited. A role without any row approves nothing.
    await q.query(`
      CREATE TABLE compensation_approval_limits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role user_role NOT NULL CHECK (role IN ('PARTNER_MANAGER', 'LEADERSHIP')),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        limit_minor bigint CHECK (limit_minor >= 0),
        updated_by_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_approval_limits_role_currency_key UNIQUE NULLS NOT DISTINCT (role, currency)
      )`);
    await q.query(`
      INSERT INTO compensation_approval_limits (role, currency, limit_minor)
      VALUES ('PARTNER_MANAGER', NULL, 500000), ('LEADERSHIP', NULL, NULL)`);

    await q.query(`
      CREATE TABLE compensation_policy_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
        leadership_extension_months_above smallint NOT NULL DEFAULT 12 CHECK (leadership_extension_months_above BETWEEN 0 AND 36),
        fairness_ratio_permille integer NOT NULL DEFAULT 1500 CHECK (fairness_ratio_permille BETWEEN 1 AND 100000),
        updated_by_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO compensation_policy_settings DEFAULT VALUES`);

    await q.query(`
      CREATE TABLE compensation_entitlement_defaults (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        crisis_id uuid NOT NULL REFERENCES crises (id),
        impact impact_level NOT NULL,
        tier stakeholder_tier NOT NULL,
        kind compensation_kind NOT NULL,
        value_minor bigint CHECK (value_minor > 0),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        extension_months smallint CHECK (extension_months BETWEEN 1 AND 36),
        updated_by_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_entitlement_defaults_key UNIQUE (crisis_id, impact, tier),
        CONSTRAINT compensation_entitlement_defaults_value_has_currency CHECK ((value_minor IS NULL) = (currency IS NULL)),
        CONSTRAINT compensation_entitlement_defaults_shape CHECK (
          CASE WHEN kind = 'CONTRACT_EXTENSION' THEN extension_months IS NOT NULL AND value_minor IS NULL
               ELSE extension_months IS NULL AND value_minor IS NOT NULL END)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE compensation_entitlement_defaults`);
    await q.query(`DROP TABLE compensation_policy_settings`);
    await q.query(`DROP TABLE compensation_approval_limits`);
    await q.query(`DROP TABLE compensation_issue_requests`);
    await q.query(`DROP TABLE compensations`);
    await q.query(`DROP TYPE compensation_status`);
    await q.query(`DROP TYPE compensation_kind`);
  }
}
