import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CrisisPhase } from '../crises/crisis.enums';
import { UserRole } from '../users/user-role.enum';
import { ImportEntity } from './import.entity';
import { IMPORT_KIND_RULES, mayImport } from './import-kind-rules';
import { ImportCancelled, ImportPipeline } from './import-pipeline';
import { ImportProfiles } from './import-profiles';
import { stagingTableOf } from './stakeholder-import-sql';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export type RunOutcome = 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'SKIPPED';

/**
 * The worker's side of an import. Idempotent: it claims the import only from QUEUED (or
 * RUNNING, when a worker died mid-run and its transaction was rolled back), holds an advisory
 * lock so two workers never run the same import, and does all the writing in ONE transaction,
 * so a failure or a cancellation leaves nothing behind but the import's final status.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pipeline: ImportPipeline,
    private readonly profiles: ImportProfiles,
    private readonly audit: AuditService,
  ) {}

  async run(importId: string): Promise<RunOutcome> {
    const claimed = await this.dataSource.query(
      `UPDATE imports SET status = 'RUNNING', started_at = coalesce(started_at, clock_timestamp()), phase = 'STAGING', rows_done = 0,
              errors_so_far = 0, rows_per_second = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND NOT cancel_requested RETURNING id`,
      [importId],
    );
    if (claimed[0].length === 0) return this.settleUnclaimed(importId);
    const row = await this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: importId });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // In-process workers (development) share the API's pool and its statement timeout; a run may take longer.
    await runner.query(`SET LOCAL statement_timeout = 0`);
    const startedAt = Date.now();
    try {
      const [{ mine }] = await runner.query(`SELECT pg_try_advisory_xact_lock(hashtext('regain:import:' || $1)) AS mine`, [importId]);
      if (!mine) {
        await runner.rollbackTransaction();
        return 'SKIPPED';
      }
      // One import of a kind at a time: their merges would otherwise race on the same external refs.
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('regain:imports:' || $1))`, [row.kind]);
      const [actor] = await runner.query(`SELECT id, email, name, role, is_active FROM users WHERE id = $1 FOR SHARE`, [row.createdById]);
      if (!actor.is_active || !mayImport(actor.role, row.kind)) {
        throw new Error(`${actor.name} can no longer import (${actor.is_active ? actor.role : 'deactivated'})`);
      }
      if (row.crisisId && IMPORT_KIND_RULES[row.kind].opensCases) {
        const [crisis] = await runner.query(`SELECT phase FROM crises WHERE id = $1 FOR SHARE`, [row.crisisId]);
        if (crisis.phase === CrisisPhase.CLOSED) throw new Error(`Crisis ${row.crisisId} was closed; cases cannot be opened in it`);
      }
      const ctx = this.pipeline.contextOf(row, { id: actor.id, email: actor.email, role: actor.role });
      const result = await this.pipeline.run(runner, row, this.profiles.of(row.kind), ctx, async (progress) => {
        const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
        const [[state]] = await this.dataSource.query(
          `UPDATE imports SET phase = $2, rows_done = $3, errors_so_far = $4, rows_per_second = $5, updated_at = now()
           WHERE id = $1 RETURNING cancel_requested`,
          [importId, progress.phase, progress.rowsDone, progress.errorsSoFar, Math.round(progress.rowsDone / seconds)],
        );
        return state.cancel_requested as boolean;
      });
      const [state] = await runner.query(`SELECT cancel_requested FROM imports WHERE id = $1 FOR UPDATE`, [importId]);
      if (state.cancel_requested) throw new ImportCancelled();
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      // clock_timestamp(), not now(): now() is when this long transaction began, not when the run finished.
      await runner.query(
        `UPDATE imports SET status = 'SUCCEEDED', result = $2, total_rows = $3, rows_done = $3, errors_so_far = $4, phase = NULL,
                rows_per_second = $5, finished_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`,
        [importId, JSON.stringify(result), result.rowsTotal, result.rowsRejected, Math.round(result.rowsTotal / seconds)],
      );
      await this.audit.record(runner.manager, {
        actorId: row.createdById,
        record: AuditedRecord.IMPORT,
        recordId: importId,
        action: 'IMPORT_SUCCEEDED',
        before: { status: 'RUNNING' },
        after: { status: 'SUCCEEDED', rowsTotal: result.rowsTotal, rowsRejected: result.rowsRejected, ...result.counts },
      });
      await runner.commitTransaction();
      return 'SUCCEEDED';
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      const cancelled = error instanceof ImportCancelled;
      const reason = error instanceof Error ? error.message : String(error);
      if (!cancelled) this.logger.warn(`Import ${importId} failed: ${reason}`);
      await this.finish(importId, row.createdById, cancelled ? 'CANCELLED' : 'FAILED', cancelled ? null : reason);
      await this.pipeline.dropStage(this.pipeline.contextOf(row, { id: row.createdById, email: '', role: UserRole.ADMIN }));
      return cancelled ? 'CANCELLED' : 'FAILED';
    } finally {
      await runner.release();
    }
  }

  /** Not claimable: already finished (a duplicate delivery), or cancelled while still queued. */
  private async settleUnclaimed(importId: string): Promise<RunOutcome> {
    const row = await this.dataSource.getRepository(ImportEntity).findOneBy({ id: importId });
    if (row && row.cancelRequested && (row.status === 'QUEUED' || row.status === 'RUNNING')) {
      await this.finish(importId, row.createdById, 'CANCELLED', null);
      await this.dataSource.query(`DROP TABLE IF EXISTS ${stagingTableOf(importId)}`);
      return 'CANCELLED';
    }
    return 'SKIPPED';
  }

  private async finish(importId: string, actorId: string, status: 'FAILED' | 'CANCELLED', reason: string | null): Promise<void> {
    await withTransactionRetry(this.dataSource, async (manager) => {
      const [[updated]] = await manager.query(
        `UPDATE imports SET status = $2, failure_reason = $3, phase = NULL, finished_at = now(), updated_at = now()
         WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
        [importId, status, reason === null ? null : reason.slice(0, 2000)],
      );
      if (!updated) return;
      await this.audit.record(manager, {
        actorId,
        record: AuditedRecord.IMPORT,
        recordId: importId,
        action: status === 'FAILED' ? 'IMPORT_FAILED' : 'IMPORT_CANCELLED',
        before: { status: 'RUNNING' },
        after: { status, reason },
      });
    });
  }
}
