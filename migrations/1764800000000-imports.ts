import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports: the import record with its lifecycle, the uploaded file in ~1 MB chunks (so a
 * worker on another machine reads it from PostgreSQL, not from the API's disk), and the rows
 * an import rejected, with their raw values so they can be downloaded, fixed and uploaded again.
 */
export class Imports1764800000000 implements MigrationInterface {
  name = 'Imports1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE import_kind AS ENUM ('STAKEHOLDERS', 'REVENUE', 'SURVEYS')`);
    await q.query(
      `CREATE TYPE import_status AS ENUM ('UPLOADED', 'VALIDATED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')`,
    );
    await q.query(`CREATE TYPE import_duplicate_mode AS ENUM ('SKIP', 'UPDATE')`);
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind import_kind NOT NULL,
        status import_status NOT NULL DEFAULT 'UPLOADED',
        file_name varchar(255) NOT NULL CHECK (btrim(file_name) <> ''),
        file_sha256 char(64) NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_size_bytes bigint NOT NULL CHECK (file_size_bytes > 0),
        delimiter char(1) NOT NULL CHECK (delimiter IN (',', ';')),
        headers jsonb NOT NULL,
        crisis_id uuid REFERENCES crises (id),
        duplicate_mode import_duplicate_mode NOT NULL,
        case_owner_team_ids uuid[] NOT NULL DEFAULT '{}',
        mapping jsonb,
        dry_run jsonb,
        result jsonb,
        total_rows integer CHECK (total_rows >= 0),
        -- Rows in the import's UNLOGGED staging table (import_stage_<id>), loaded by the dry run
        -- and reused by the run; a mismatch (a crash empties unlogged tables) stages again.
        staged_rows integer CHECK (staged_rows >= 0),
        rows_done integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
        rows_per_second integer CHECK (rows_per_second >= 0),
        errors_so_far integer NOT NULL DEFAULT 0 CHECK (errors_so_far >= 0),
        phase varchar(20),
        cancel_requested boolean NOT NULL DEFAULT false,
        failure_reason varchar(2000),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        validated_at timestamptz,
        queued_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT imports_validated_has_dry_run CHECK (
          status IN ('UPLOADED', 'FAILED', 'CANCELLED') OR (mapping IS NOT NULL AND dry_run IS NOT NULL AND validated_at IS NOT NULL)),
        CONSTRAINT imports_queued_has_time CHECK (status NOT IN ('QUEUED', 'RUNNING', 'SUCCEEDED') OR queued_at IS NOT NULL),
        CONSTRAINT imports_running_has_start CHECK (status NOT IN ('RUNNING', 'SUCCEEDED') OR started_at IS NOT NULL),
        CONSTRAINT imports_finished_has_end CHECK (
          (status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')) = (finished_at IS NOT NULL)),
        CONSTRAINT imports_succeeded_has_result CHECK (status <> 'SUCCEEDED' OR (result IS NOT NULL AND total_rows IS NOT NULL)),
        CONSTRAINT imports_failed_has_reason CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
      )`);
    // The lifecycle as data the database enforces too: a bug or a second worker cannot move an
    // import backwards (say SUCCEEDED -> RUNNING). RUNNING -> RUNNING is a retry after a worker died.
    await q.query(`
      CREATE FUNCTION imports_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> OLD.status AND NOT (OLD.status::text || '>' || NEW.status::text) = ANY (ARRAY[
          'UPLOADED>VALIDATED', 'UPLOADED>FAILED', 'UPLOADED>CANCELLED',
          'VALIDATED>QUEUED', 'VALIDATED>CANCELLED',
          'QUEUED>RUNNING', 'QUEUED>CANCELLED', 'QUEUED>FAILED',
          'RUNNING>SUCCEEDED', 'RUNNING>FAILED', 'RUNNING>CANCELLED'])
        THEN
          RAISE EXCEPTION 'import % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER imports_status_transition BEFORE UPDATE OF status ON imports
      FOR EACH ROW EXECUTE FUNCTION imports_status_transition()`);
    await q.query(`CREATE INDEX imports_created_idx ON imports (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX imports_creator_idx ON imports (created_by_id, created_at DESC)`);
    await q.query(`CREATE INDEX imports_sha256_idx ON imports (file_sha256) WHERE status = 'SUCCEEDED'`);

    await q.query(`
      CREATE TABLE import_file_chunks (
        -- Deferred: the upload streams its chunks first and inserts the import row (with the
        -- file's hash and size, known only at the end) last, all in one transaction.
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL CHECK (length(data) > 0),
        PRIMARY KEY (import_id, seq)
      )`);
    // Chunks are already compressed or unique text: do not spend CPU on TOAST compression.
    await q.query(`ALTER TABLE import_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE import_rejected_rows (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        line integer NOT NULL CHECK (line >= 1),
        column_name varchar(100),
        reason varchar(1000) NOT NULL,
        raw_values text[] NOT NULL,
        PRIMARY KEY (import_id, line)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rejected_rows`);
    await q.query(`DROP TABLE import_file_chunks`);
    await q.query(`DROP TABLE imports`);
    await q.query(`DROP FUNCTION imports_status_transition`);
    await q.query(`DROP TYPE import_duplicate_mode`);
    await q.query(`DROP TYPE import_status`);
    await q.query(`DROP TYPE import_kind`);
  }
}
