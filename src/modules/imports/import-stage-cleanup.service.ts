import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';

const STAGE_TABLE = /^import_stage_[0-9a-f]{32}$/;
const FINISHED = `('SUCCEEDED', 'FAILED', 'CANCELLED')`;
/** PostgreSQL's lock_not_available: the table or the import is in use right now. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Drops the staging tables no run is going to read: those of imports uploaded or validated but
 * left unstarted for IMPORT_STAGE_IDLE_HOURS, and any left behind by an import that ended (or
 * no longer exists). An idle import stays VALIDATED with its dry run; its staged_rows is
 * cleared, which is how the run knows to read the stored file again. Queued and running
 * imports are never touched. Safe to run twice, and on several workers at once: each import
 * row is locked (SKIP LOCKED), and a table in use is left for the next run (lock_timeout).
 */
@Injectable()
export class ImportStageCleanupService {
  private readonly logger = new Logger(ImportStageCleanupService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async dropIdleStages(): Promise<{ dropped: number }> {
    const idle = `(i.status IN ('UPLOADED', 'VALIDATED') AND i.updated_at < now() - make_interval(hours => $1))`;
    const candidates: { table: string; import_id: string | null }[] = await this.dataSource.query(
      `SELECT t.tablename AS table, i.id AS import_id
       FROM pg_tables t LEFT JOIN imports i ON t.tablename = 'import_stage_' || replace(i.id::text, '-', '')
       WHERE t.schemaname = current_schema() AND t.tablename LIKE 'import\\_stage\\_%'
         AND (i.id IS NULL OR i.status IN ${FINISHED} OR ${idle})
       ORDER BY t.tablename`,
      [this.config.importStageIdleHours],
    );
    let dropped = 0;
    for (const { table, import_id: importId } of candidates) {
      if (!STAGE_TABLE.test(table)) continue;
      try {
        const done = await this.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '2s'`);
          if (importId !== null) {
            // Re-checked under the row lock: the import may have been started or re-validated since the list was read.
            const [still] = await manager.query(
              `SELECT 1 FROM imports i WHERE i.id = $2 AND (i.status IN ${FINISHED} OR ${idle}) FOR UPDATE SKIP LOCKED`,
              [this.config.importStageIdleHours, importId],
            );
            if (!still) return false;
          }
          await manager.query(`DROP TABLE IF EXISTS ${table}`);
          if (importId !== null) await manager.query(`UPDATE imports SET staged_rows = NULL WHERE id = $1`, [importId]);
          return true;
        });
        if (done) dropped += 1;
      } catch (error) {
        const failure = error as { code?: string; driverError?: { code?: string } };
        if ((failure.driverError?.code ?? failure.code) !== LOCK_NOT_AVAILABLE) throw error;
        this.logger.log(`${table} is in use; left for the next cleanup`);
      }
    }
    return { dropped };
  }
}
