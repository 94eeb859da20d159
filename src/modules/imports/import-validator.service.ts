import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTransactionRetry } from '../../common/database/transaction-retry';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { ImportEntity } from './import.entity';
import { ImportPipeline } from './import-pipeline';
import { ImportProfiles } from './import-profiles';

export type ValidationOutcome = 'VALIDATED' | 'FAILED' | 'SKIPPED';

/**
 * The dry run, in a worker (it used to run inside the upload request, where one hostile file
 * could take the API process down). Idempotent: it claims the import from UPLOADED (or
 * VALIDATING, when a worker died mid-run), and records the result only if the import is still
 * VALIDATING, so a cancellation in between wins and its staging table is dropped here.
 */
@Injectable()
export class ImportValidator {
  private readonly logger = new Logger(ImportValidator.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pipeline: ImportPipeline,
    private readonly profiles: ImportProfiles,
    private readonly audit: AuditService,
  ) {}

  /** `finalAttempt`: a failure marks the import FAILED instead of throwing for a retry. */
  async validate(importId: string, finalAttempt = true): Promise<ValidationOutcome> {
    // Held for the whole dry run, so that a second delivery (or a direct call) never runs it twice at once.
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ mine }] = await lock.query(`SELECT pg_try_advisory_lock(hashtext('regain:import-dry-run:' || $1)) AS mine`, [importId]);
      if (!mine) return 'SKIPPED';
      try {
        return await this.validateLocked(importId, finalAttempt);
      } finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtext('regain:import-dry-run:' || $1))`, [importId]);
      }
    } finally {
      await lock.release();
    }
  }

  private async validateLocked(importId: string, finalAttempt: boolean): Promise<ValidationOutcome> {
    const [claimed] = await this.dataSource.query(
      `UPDATE imports SET status = 'VALIDATING', phase = 'VALIDATING', updated_at = now()
       WHERE id = $1 AND status IN ('UPLOADED', 'VALIDATING') AND NOT cancel_requested RETURNING id`,
      [importId],
    );
    if (claimed.length === 0) return 'SKIPPED';
    const row = await this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: importId });
    const [actor] = await this.dataSource.query(`SELECT id, email, role FROM users WHERE id = $1`, [row.createdById]);
    const ctx = this.pipeline.contextOf(row, { id: actor.id, email: actor.email, role: actor.role });
    try {
      const dryRun = {
        ...(await this.pipeline.dryRun(row, this.profiles.of(row.kind), ctx)),
        previouslyImported: await this.previousImports(row),
      };
      const [[recorded]] = await this.dataSource.query(
        `UPDATE imports SET status = 'VALIDATED', phase = NULL, dry_run = $2, validated_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'VALIDATING' RETURNING id`,
        [importId, JSON.stringify(dryRun)],
      );
      if (!recorded) {
        await this.pipeline.dropStage(ctx);
        return 'SKIPPED';
      }
      return 'VALIDATED';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Dry run of import ${importId} failed: ${reason}`);
      if (!finalAttempt) throw error;
      await this.fail(row, reason);
      await this.pipeline.dropStage(ctx);
      return 'FAILED';
    }
  }

  /**
   * Earlier successful imports of the same file (by its sha256) by the same person, newest
   * first: someone else's imports, and their email, are not the uploader's to see.
   */
  private async previousImports(row: ImportEntity): Promise<{ id: string; finishedAt: string; byName: string; byEmail: string }[]> {
    const rows: { id: string; finishedAt: Date; byName: string; byEmail: string }[] = await this.dataSource.query(
      `SELECT i.id, i.finished_at AS "finishedAt", u.name AS "byName", u.email AS "byEmail"
       FROM imports i JOIN users u ON u.id = i.created_by_id
       WHERE i.file_sha256 = $1 AND i.status = 'SUCCEEDED' AND i.id <> $2 AND i.created_by_id = $3
       ORDER BY i.finished_at DESC LIMIT 5`,
      [row.fileSha256, row.id, row.createdById],
    );
    return rows.map((p) => ({ ...p, finishedAt: p.finishedAt.toISOString() }));
  }

  private async fail(row: ImportEntity, reason: string): Promise<void> {
    await withTransactionRetry(this.dataSource, async (manager) => {
      const [[updated]] = await manager.query(
        `UPDATE imports SET status = 'FAILED', phase = NULL, failure_reason = $2, finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'VALIDATING' RETURNING id`,
        [row.id, `The dry run failed: ${reason}`.slice(0, 2000)],
      );
      if (!updated) return;
      await this.audit.record(manager, {
        actorId: row.createdById,
        record: AuditedRecord.IMPORT,
        recordId: row.id,
        action: 'IMPORT_FAILED',
        before: { status: 'VALIDATING' },
        after: { status: 'FAILED', reason },
      });
    });
  }
}
