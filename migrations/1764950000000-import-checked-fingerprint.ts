import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run of an import reuses the checks its dry run left in the staging table when nothing
 * they read has changed since. This column holds the digest of what they read (the profile's
 * checksFingerprint), taken in the same snapshot as the checks; null: the staging table holds
 * no checks (not staged yet, or a profile that re-checks in its run).
 */
export class ImportCheckedFingerprint1764950000000 implements MigrationInterface {
  name = 'ImportCheckedFingerprint1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports ADD COLUMN checked_fingerprint varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports DROP COLUMN checked_fingerprint`);
  }
}
