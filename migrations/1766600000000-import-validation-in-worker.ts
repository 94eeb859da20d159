import { MigrationInterface, QueryRunner } from 'typeorm';

const TRANSITIONS_BEFORE = [
  'UPLOADED>VALIDATED', 'UPLOADED>FAILED', 'UPLOADED>CANCELLED',
  'VALIDATED>QUEUED', 'VALIDATED>CANCELLED',
  'QUEUED>RUNNING', 'QUEUED>CANCELLED', 'QUEUED>FAILED',
  'RUNNING>SUCCEEDED', 'RUNNING>FAILED', 'RUNNING>CANCELLED',
];
/** As IMPORT_STATUS_TRANSITIONS (src/modules/imports/import-status-transitions.ts). */
const TRANSITIONS_AFTER = [
  'UPLOADED>VALIDATING', 'UPLOADED>FAILED', 'UPLOADED>CANCELLED',
  'VALIDATING>VALIDATED', 'VALIDATING>FAILED', 'VALIDATING>CANCELLED',
  'VALIDATED>UPLOADED', 'VALIDATED>QUEUED', 'VALIDATED>CANCELLED',
  'QUEUED>RUNNING', 'QUEUED>CANCELLED', 'QUEUED>FAILED',
  'RUNNING>SUCCEEDED', 'RUNNING>FAILED', 'RUNNING>CANCELLED',
];

function transitionFunction(transitions: string[]): string {
  return `
    CREATE OR REPLACE FUNCTION imports_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status <> OLD.status AND NOT (OLD.status::text || '>' || NEW.status::text) = ANY (ARRAY[
        ${transitions.map((t) => `'${t}'`).join(', ')}])
      THEN
        RAISE EXCEPTION 'import % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`;
}

/**
 * The dry run moves out of the upload request into a worker job (issue 19, "High"): an upload
 * stores the file and answers UPLOADED; a worker claims it (VALIDATING) and records the dry run
 * (VALIDATED). A new mapping sends a VALIDATED import back to UPLOADED for another dry run, and
 * `dry_run_round` numbers those runs so that each has its own job id.
 *
 * The new enum value cannot be used in the transaction that adds it, so the check compares text.
 */
export class ImportValidationInWorker1766600000000 implements MigrationInterface {
  name = 'ImportValidationInWorker1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE import_status ADD VALUE IF NOT EXISTS 'VALIDATING' AFTER 'UPLOADED'`);
    await q.query(`ALTER TABLE imports ADD COLUMN dry_run_round integer NOT NULL DEFAULT 0 CHECK (dry_run_round >= 0)`);
    await q.query(`ALTER TABLE imports DROP CONSTRAINT imports_validated_has_dry_run`);
    await q.query(`
      ALTER TABLE imports ADD CONSTRAINT imports_validated_has_dry_run CHECK (
        status::text IN ('UPLOADED', 'VALIDATING', 'FAILED', 'CANCELLED') OR (mapping IS NOT NULL AND dry_run IS NOT NULL AND validated_at IS NOT NULL))`);
    await q.query(transitionFunction(TRANSITIONS_AFTER));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE imports SET status = 'UPLOADED' WHERE status::text = 'VALIDATING'`);
    await q.query(transitionFunction(TRANSITIONS_BEFORE));
    await q.query(`ALTER TABLE imports DROP CONSTRAINT imports_validated_has_dry_run`);
    await q.query(`
      ALTER TABLE imports ADD CONSTRAINT imports_validated_has_dry_run CHECK (
        status IN ('UPLOADED', 'FAILED', 'CANCELLED') OR (mapping IS NOT NULL AND dry_run IS NOT NULL AND validated_at IS NOT NULL))`);
    await q.query(`ALTER TABLE imports DROP COLUMN dry_run_round`);
    // PostgreSQL cannot drop an enum value; 'VALIDATING' stays in the type, unused.
  }
}
