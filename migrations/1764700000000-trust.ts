import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust signals (survey responses, revenue per stakeholder and month, churn and renewal
 * events), the trust-index settings (one row) and the monthly trust snapshot per case.
 * Natural unique keys make re-recording a signal (or re-importing the same file) a no-op;
 * (case_id, month_index) makes the snapshot job recompute in place.
 */
export class Trust1764700000000 implements MigrationInterface {
  name = 'Trust1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE survey_kind AS ENUM ('NPS', 'CSAT', 'TRUST')`);
    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        stakeholder_id uuid NOT NULL,
        contact_id uuid,
        kind survey_kind NOT NULL,
        score smallint NOT NULL,
        responded_at timestamptz NOT NULL,
        comment text CHECK (length(comment) <= 5000),
        is_pre_crisis boolean NOT NULL DEFAULT false,
        recorded_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_responses_case_of_stakeholder FOREIGN KEY (case_id, stakeholder_id)
          REFERENCES recovery_cases (id, stakeholder_id),
        CONSTRAINT survey_responses_contact_of_stakeholder FOREIGN KEY (contact_id, stakeholder_id)
          REFERENCES contacts (id, stakeholder_id),
        CONSTRAINT survey_responses_score_in_range CHECK (
          CASE kind WHEN 'NPS' THEN score BETWEEN 0 AND 10 ELSE score BETWEEN 1 AND 5 END),
        -- The same contact answering the same survey at the same instant is the same response.
        CONSTRAINT survey_responses_natural_key UNIQUE NULLS NOT DISTINCT (case_id, contact_id, kind, responded_at)
      )`);
    // Latest and recency-weighted scores per case and kind, as of any instant.
    await q.query(`
      CREATE INDEX survey_responses_case_kind_idx ON survey_responses (case_id, kind, responded_at)
        INCLUDE (score, is_pre_crisis)`);
    await q.query(`CREATE INDEX survey_responses_stakeholder_idx ON survey_responses (stakeholder_id, responded_at)`);

    await q.query(`
      CREATE TABLE stakeholder_revenue_months (
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        recorded_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stakeholder_id, month)
      )`);

    await q.query(`CREATE TYPE lifecycle_event_kind AS ENUM ('CHURNED', 'RENEWED')`);
    await q.query(`
      CREATE TABLE stakeholder_lifecycle_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
        case_id uuid,
        kind lifecycle_event_kind NOT NULL,
        occurred_at timestamptz NOT NULL,
        note varchar(2000),
        recorded_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stakeholder_lifecycle_events_case_of_stakeholder FOREIGN KEY (case_id, stakeholder_id)
          REFERENCES recovery_cases (id, stakeholder_id),
        CONSTRAINT stakeholder_lifecycle_events_natural_key UNIQUE NULLS NOT DISTINCT (stakeholder_id, case_id, kind, occurred_at)
      )`);
    await q.query(`CREATE INDEX stakeholder_lifecycle_events_stakeholder_idx ON stakeholder_lifecycle_events (stakeholder_id, occurred_at)`);
    await q.query(`CREATE INDEX stakeholder_lifecycle_events_case_idx ON stakeholder_lifecycle_events (case_id) WHERE case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE trust_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
        weight_survey_trust smallint NOT NULL DEFAULT 25 CHECK (weight_survey_trust BETWEEN 0 AND 100),
        weight_nps smallint NOT NULL DEFAULT 20 CHECK (weight_nps BETWEEN 0 AND 100),
        weight_sentiment smallint NOT NULL DEFAULT 15 CHECK (weight_sentiment BETWEEN 0 AND 100),
        weight_responsiveness smallint NOT NULL DEFAULT 15 CHECK (weight_responsiveness BETWEEN 0 AND 100),
        weight_revenue smallint NOT NULL DEFAULT 15 CHECK (weight_revenue BETWEEN 0 AND 100),
        weight_promises smallint NOT NULL DEFAULT 10 CHECK (weight_promises BETWEEN 0 AND 100),
        -- Signals count over the last lookback_months calendar months (the as-of month included);
        -- those of the last recent_months count recent_weight times.
        lookback_months smallint NOT NULL DEFAULT 6 CHECK (lookback_months BETWEEN 1 AND 12),
        recent_months smallint NOT NULL DEFAULT 2 CHECK (recent_months BETWEEN 1 AND 12),
        recent_weight smallint NOT NULL DEFAULT 2 CHECK (recent_weight BETWEEN 1 AND 10),
        no_contact_days smallint NOT NULL DEFAULT 21 CHECK (no_contact_days BETWEEN 1 AND 365),
        overdue_penalty_points smallint NOT NULL DEFAULT 5 CHECK (overdue_penalty_points BETWEEN 0 AND 100),
        overdue_penalty_cap smallint NOT NULL DEFAULT 25 CHECK (overdue_penalty_cap BETWEEN 0 AND 100),
        recovering_min smallint NOT NULL DEFAULT 45,
        recovered_min smallint NOT NULL DEFAULT 75,
        updated_by_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT trust_settings_some_weight CHECK (
          weight_survey_trust + weight_nps + weight_sentiment + weight_responsiveness + weight_revenue + weight_promises > 0),
        CONSTRAINT trust_settings_recent_within_lookback CHECK (recent_months <= lookback_months),
        CONSTRAINT trust_settings_bands_ordered CHECK (0 < recovering_min AND recovering_min < recovered_min AND recovered_min <= 100)
      )`);
    await q.query(`INSERT INTO trust_settings DEFAULT VALUES`);

    await q.query(`CREATE UNIQUE INDEX recovery_cases_id_crisis_stakeholder_key ON recovery_cases (id, crisis_id, stakeholder_id)`);
    await q.query(`CREATE TYPE trust_band AS ENUM ('AT_RISK', 'RECOVERING', 'RECOVERED')`);
    const component = (name: string) => `${name} numeric(5, 4) CHECK (${name} BETWEEN 0 AND 1)`;
    await q.query(`
      CREATE TABLE case_trust_snapshots (
        case_id uuid NOT NULL,
        month_index smallint NOT NULL CHECK (month_index BETWEEN 0 AND 1200),
        crisis_id uuid NOT NULL,
        stakeholder_id uuid NOT NULL,
        month_start date NOT NULL CHECK (month_start = date_trunc('month', month_start)::date),
        as_of timestamptz NOT NULL,
        trust_index smallint NOT NULL CHECK (trust_index BETWEEN 0 AND 100),
        band trust_band NOT NULL,
        ${component('component_survey_trust')},
        ${component('component_nps')},
        ${component('component_sentiment')},
        ${component('component_responsiveness')},
        ${component('component_revenue')},
        ${component('component_promises')},
        overdue_items integer NOT NULL CHECK (overdue_items >= 0),
        penalty_points smallint NOT NULL CHECK (penalty_points BETWEEN 0 AND 100),
        weights jsonb NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
        latest_nps smallint CHECK (latest_nps BETWEEN 0 AND 10),
        latest_csat smallint CHECK (latest_csat BETWEEN 1 AND 5),
        latest_trust smallint CHECK (latest_trust BETWEEN 1 AND 5),
        pre_crisis_nps smallint CHECK (pre_crisis_nps BETWEEN 0 AND 10),
        pre_crisis_csat smallint CHECK (pre_crisis_csat BETWEEN 1 AND 5),
        pre_crisis_trust smallint CHECK (pre_crisis_trust BETWEEN 1 AND 5),
        revenue_month date,
        revenue_minor bigint CHECK (revenue_minor >= 0),
        baseline_minor bigint CHECK (baseline_minor >= 0),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        case_status case_status NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, month_index),
        -- One foreign key proves the case exists and that the denormalised crisis and
        -- stakeholder are the case's: one check per row, which a 1.4-million-row backfill pays for.
        CONSTRAINT case_trust_snapshots_case_fk FOREIGN KEY (case_id, crisis_id, stakeholder_id)
          REFERENCES recovery_cases (id, crisis_id, stakeholder_id),
        CONSTRAINT case_trust_snapshots_revenue_has_month CHECK ((revenue_minor IS NULL) = (revenue_month IS NULL)),
        CONSTRAINT case_trust_snapshots_money_has_currency CHECK (
          (revenue_minor IS NULL AND baseline_minor IS NULL) OR currency IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX case_trust_snapshots_crisis_month_idx ON case_trust_snapshots (crisis_id, month_index)`);
    await q.query(`CREATE INDEX case_trust_snapshots_stakeholder_idx ON case_trust_snapshots (stakeholder_id, month_index)`);

    // The trust index as of any instant reads a case's tasks, revenue months and status changes.
    await q.query(`CREATE INDEX outreach_tasks_case_due_idx ON outreach_tasks (case_id, due_at)`);
    await q.query(`
      CREATE INDEX audit_entries_case_status_idx ON audit_entries (entity_id, occurred_at)
        WHERE entity_type = 'RECOVERY_CASE' AND action = 'CASE_STATUS_CHANGED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_entries_case_status_idx`);
    await q.query(`DROP INDEX outreach_tasks_case_due_idx`);
    await q.query(`DROP TABLE case_trust_snapshots`);
    await q.query(`DROP TYPE trust_band`);
    await q.query(`DROP INDEX recovery_cases_id_crisis_stakeholder_key`);
    await q.query(`DROP TABLE trust_settings`);
    await q.query(`DROP TABLE stakeholder_lifecycle_events`);
    await q.query(`DROP TYPE lifecycle_event_kind`);
    await q.query(`DROP TABLE stakeholder_revenue_months`);
    await q.query(`DROP TABLE survey_responses`);
    await q.query(`DROP TYPE survey_kind`);
  }
}
