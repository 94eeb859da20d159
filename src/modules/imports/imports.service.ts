import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AppConfig } from '../../config/app-config';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { PageArgs } from '../../common/pagination/page.args';
import { JobName, QueueName } from '../../jobs/job-names';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CrisisPhase } from '../crises/crisis.enums';
import { CrisisEntity } from '../crises/crisis.entity';
import { UserRole } from '../users/user-role.enum';
import { UserEntity } from '../users/user.entity';
import { detectDelimiter, guessMapping, MappedHeader, reviewMapping } from './column-mapping';
import { CreateImportInput } from './dto/create-import.input';
import { ImportEntity } from './import.entity';
import { DuplicateMode, ImportKind, ImportStatus } from './import.enums';
import { IMPORT_KIND_RULES, IMPORTER_ROLES, importOptionsProblem, mayImport } from './import-kind-rules';
import { headerLine, spoolUpload, SpooledFile, storeFileChunks } from './import-file-store';
import { ImportProfiles } from './import-profiles';
import { stagingTableOf } from './stakeholder-import-sql';
import { parse as parseSync } from 'csv-parse/sync';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** Uploads, the mapping, starting and cancelling; the dry run is ImportValidator's and the run ImportRunner's, both in a worker. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.IMPORTS) private readonly queue: Queue,
    @InjectQueue(QueueName.IMPORT_DRY_RUNS) private readonly dryRuns: Queue,
    private readonly audit: AuditService,
    private readonly profiles: ImportProfiles,
    private readonly config: AppConfig,
  ) {}

  /**
   * Takes the file first (to local disk, hashed on the way, no database connection held while
   * the client sends it), then stores it in PostgreSQL and creates the UPLOADED import in one
   * short transaction, and after the commit queues its dry run for a worker (the upload request
   * never parses the file). The caller polls `import(id)` until it is VALIDATED.
   */
  async createFromStream(actor: AuthUser, file: AsyncIterable<Buffer>, input: CreateImportInput): Promise<ImportEntity> {
    assertMayImport(actor, input.kind);
    const profile = this.profiles.of(input.kind);
    const teamIds = [...new Set(input.caseOwnerTeamIds ?? [])];
    await this.checkOptions(actor, input.kind, input.crisisId ?? null, teamIds);
    const id = randomUUID();
    let spooled: SpooledFile | null = null;
    try {
      spooled = await spoolUpload(file, this.config.importSpoolDir, id);
      const stored = spooled;
      const line = stored.sizeBytes > 0 ? headerLine(stored.head) : null;
      if (line === null || line.trim() === '') throw AppException.badInput('The file is empty or has no header line; the first line must name the columns');
      const delimiter = detectDelimiter(line);
      const headers = (parseSync(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0].map((h) => h.trim());
      if (headers.length > this.config.importMaxFields) {
        throw AppException.badInput(`The header line has ${headers.length} columns; at most ${this.config.importMaxFields} are accepted (IMPORT_MAX_FIELDS)`);
      }
      const mapping = guessMapping(headers, profile.columns);
      await withTransactionRetry(this.dataSource, async (manager) => {
        await manager.query(
          `INSERT INTO imports (id, kind, file_name, file_sha256, file_size_bytes, delimiter, headers, crisis_id, duplicate_mode,
                                case_owner_team_ids, created_by_id, mapping)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [id, input.kind, input.fileName, stored.sha256, stored.sizeBytes, delimiter, JSON.stringify(headers), input.crisisId ?? null,
            input.duplicateMode ?? DuplicateMode.SKIP, teamIds, actor.id, JSON.stringify(mapping)],
        );
        await storeFileChunks(manager.queryRunner!, id, createReadStream(stored.path));
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.IMPORT,
          recordId: id,
          action: 'IMPORT_UPLOADED',
          before: null,
          after: { kind: input.kind, fileName: input.fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes, crisisId: input.crisisId ?? null },
        });
      });
    } finally {
      if (spooled) await rm(spooled.path, { force: true });
      else await rm(join(this.config.importSpoolDir, `regain-upload-${id}.csv`), { force: true });
    }
    await this.queueDryRun(id, 0);
    return this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  /** Replaces the mapping and queues the dry run again (VALIDATED -> UPLOADED). */
  async updateMapping(actor: AuthUser, id: string, mapping: MappedHeader[]): Promise<ImportEntity> {
    const round = await withTransactionRetry(this.dataSource, async (manager) => {
      const found = await this.lockVisible(manager, actor, id);
      if (found.status !== ImportStatus.VALIDATED) {
        throw AppException.conflict(`Import ${id} is ${found.status}; the mapping can only change once its dry run is done and before it is started`);
      }
      const headers = mapping.map((m) => m.header);
      if (headers.length !== found.headers.length || headers.some((h, i) => h !== found.headers[i])) {
        throw AppException.badInput(`Give one entry per header of the file, in its order: ${found.headers.join(', ')}`, { fields: ['mapping'] });
      }
      const problems = reviewMapping(mapping, this.profiles.of(found.kind).columns).problems;
      if (problems.length > 0) throw AppException.badInput(problems.join('; '), { fields: ['mapping'] });
      const [[updated]] = await manager.query(
        `UPDATE imports SET status = 'UPLOADED', mapping = $2, dry_run = NULL, validated_at = NULL, dry_run_round = dry_run_round + 1,
                updated_at = now() WHERE id = $1 RETURNING dry_run_round`,
        [id, JSON.stringify(mapping)],
      );
      await this.recordStatus(manager, actor.id, id, 'IMPORT_MAPPING_CHANGED', found.status, ImportStatus.UPLOADED);
      return updated.dry_run_round as number;
    });
    await this.queueDryRun(id, round);
    return this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  /** One job per dry run: the round makes a new mapping's job distinct from the last one's (kept for a week). */
  private async queueDryRun(id: string, round: number): Promise<void> {
    await this.dryRuns.add(JobName.DRY_RUN_IMPORT, { importId: id }, { jobId: `dry-run-${id}-${round}`, attempts: 3 });
  }

  /** VALIDATED -> QUEUED, then enqueues after commit; calling it again on a QUEUED import re-enqueues the same job. */
  async start(actor: AuthUser, id: string): Promise<ImportEntity> {
    await withTransactionRetry(this.dataSource, async (manager) => {
      const found = await this.lockVisible(manager, actor, id);
      if (found.status === ImportStatus.QUEUED) return;
      if (found.status !== ImportStatus.VALIDATED) throw AppException.conflict(`Import ${id} is ${found.status}; only a VALIDATED import can start`);
      const review = found.dryRun!;
      if (review.missingRequired.length > 0) {
        throw AppException.badInput(`Map the required columns first: ${review.missingRequired.join(', ')} (updateImportMapping)`, { fields: ['mapping'] });
      }
      await manager.query(`UPDATE imports SET status = 'QUEUED', queued_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.recordStatus(manager, actor.id, id, 'IMPORT_QUEUED', found.status, ImportStatus.QUEUED);
    });
    await this.queue.add(JobName.RUN_IMPORT, { importId: id }, { jobId: id, attempts: 3 });
    return this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  /** Before the run: cancelled at once. While running: flagged; the worker stops between batches and rolls back. */
  async cancel(actor: AuthUser, id: string): Promise<ImportEntity> {
    await withTransactionRetry(this.dataSource, async (manager) => {
      const found = await this.lockVisible(manager, actor, id);
      if ([ImportStatus.SUCCEEDED, ImportStatus.FAILED, ImportStatus.CANCELLED].includes(found.status)) {
        throw AppException.conflict(`Import ${id} is already ${found.status}; there is nothing to cancel`);
      }
      if (found.status === ImportStatus.RUNNING) {
        await manager.query(`UPDATE imports SET cancel_requested = true, updated_at = now() WHERE id = $1`, [id]);
        await this.recordStatus(manager, actor.id, id, 'IMPORT_CANCEL_REQUESTED', found.status, found.status);
        return;
      }
      await manager.query(
        `UPDATE imports SET status = 'CANCELLED', cancel_requested = true, finished_at = now(), updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.recordStatus(manager, actor.id, id, 'IMPORT_CANCELLED', found.status, ImportStatus.CANCELLED);
      // A dry run in progress has the table in use: it drops it itself when it finds the import cancelled.
      if (found.status !== ImportStatus.VALIDATING) await manager.query(`DROP TABLE IF EXISTS ${stagingTableOf(id)}`);
    });
    return this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  /** Admins see every import, the other importers their own. */
  async findVisible(actor: AuthUser, id: string): Promise<ImportEntity> {
    assertMayImport(actor);
    const found = await this.dataSource.getRepository(ImportEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Import', id);
    if (actor.role !== UserRole.ADMIN && found.createdById !== actor.id) throw AppException.forbidden(`Import ${id} is someone else's; only admins see every import`);
    return found;
  }

  /** Newest first; everyone but admins sees their own. */
  list(actor: AuthUser, args: PageArgs): Promise<Connection<ImportEntity>> {
    assertMayImport(actor);
    const query = this.dataSource.getRepository(ImportEntity).createQueryBuilder('i');
    if (actor.role !== UserRole.ADMIN) query.where('i.created_by_id = :me', { me: actor.id });
    return paginate(query, [{ expression: 'i.created_at', type: 'timestamptz' }, { expression: 'i.id', type: 'uuid' }], 'DESC', args, (i) => i);
  }

  private async lockVisible(manager: EntityManager, actor: AuthUser, id: string): Promise<ImportEntity> {
    await this.findVisible(actor, id);
    return manager.findOneOrFail(ImportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async checkOptions(actor: AuthUser, kind: ImportKind, crisisId: string | null, teamIds: string[]): Promise<void> {
    const problem = importOptionsProblem(kind, { crisisId, caseOwnerTeamIds: teamIds });
    if (problem) throw AppException.badInput(problem.message, { fields: [problem.field] });
    if (crisisId) {
      const crisis = await this.dataSource.getRepository(CrisisEntity).findOneBy({ id: crisisId });
      if (!crisis) throw AppException.notFound('Crisis', crisisId);
      if (crisis.phase === CrisisPhase.CLOSED && IMPORT_KIND_RULES[kind].opensCases) throw AppException.conflict(`Crisis ${crisisId} is closed; cases can only be opened in a crisis that is not CLOSED`);
    }
    if (teamIds.length === 0) return;
    if (actor.role !== UserRole.ADMIN && teamIds.some((t) => t !== actor.id)) {
      throw AppException.forbidden('Only an admin can spread cases over a team; partner managers open cases they own themselves');
    }
    const users = await this.dataSource.getRepository(UserEntity).findBy(teamIds.map((id) => ({ id })));
    for (const id of teamIds) {
      const user = users.find((u) => u.id === id);
      if (!user) throw AppException.badInput(`caseOwnerTeamIds: ${id} is not a user`, { fields: ['caseOwnerTeamIds'] });
      if (!user.isActive || ![UserRole.AGENT, UserRole.PARTNER_MANAGER].includes(user.role)) {
        throw AppException.badInput(`caseOwnerTeamIds: ${user.name} is ${user.isActive ? user.role : 'deactivated'}; cases are owned by active agents and partner managers`, { fields: ['caseOwnerTeamIds'] });
      }
    }
  }

  private recordStatus(manager: EntityManager, actorId: string, id: string, action: string, from: ImportStatus, to: ImportStatus): Promise<void> {
    return this.audit.record(manager, { actorId, record: AuditedRecord.IMPORT, recordId: id, action, before: { status: from }, after: { status: to } });
  }
}

/**
 * Who may import which kind is IMPORT_KIND_RULES; the profile's row rules say which rows.
 * Without a kind: whether the actor may import anything (and so read their own imports).
 */
export function assertMayImport(actor: AuthUser, kind?: ImportKind): void {
  if (kind !== undefined && !mayImport(actor.role, kind)) {
    throw AppException.forbidden(`${kind} imports are for ${IMPORT_KIND_RULES[kind].roles.join(', ')}; you are ${actor.role}`);
  }
  if (!IMPORTER_ROLES.includes(actor.role)) {
    throw AppException.forbidden(`Imports are for ${IMPORTER_ROLES.join(', ')}; you are ${actor.role}`);
  }
}
