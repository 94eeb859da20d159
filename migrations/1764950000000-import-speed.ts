import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the speed of large imports.
 *
 * imports.checked_fingerprint: the run of an import reuses the checks its dry run left in the
 * staging table when nothing they read has changed since. This holds the digest of what they
 * read (see ImportPipeline.fingerprintOf), taken in the same snapshot as the checks; null: the
 * staging table holds no checks (not staged yet, or a profile that re-checks in its run).
 *
 * uuid_v7(): time-ordered UUIDs (RFC 9562 version 7: 48 bits of Unix milliseconds, then random
 * bits) for the rows an import inserts in bulk. With random (v4) ids, a million stakeholders,
 * contacts and cases insert into a dozen indexes keyed by id at random pages, far more than the
 * shared buffers hold; ordered ids append at the right edge of each. PostgreSQL 18 has uuidv7().
 */
export class ImportSpeed1764950000000 implements MigrationInterface {
  name = 'ImportSpeed1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports ADD COLUMN checked_fingerprint varchar(64)`);
    // A random v4 UUID with its first 48 bits replaced by the milliseconds, and the version set to 7.
    await q.query(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
          52, 1), 53, 1), 'hex')::uuid
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION uuid_v7()`);
    await q.query(`ALTER TABLE imports DROP COLUMN checked_fingerprint`);
  }
}
