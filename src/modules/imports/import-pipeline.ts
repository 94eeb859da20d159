import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { unguardFormula } from '../../common/csv/csv-formula-guard';
import { AppConfig } from '../../config/app-config';
import { CsvRecordGuard, oversizedReasonOf } from './csv-record-guard';
import { columnPositions, reviewMapping } from './column-mapping';
import { ImportContext, ImportCounts, ImportProfile } from './import-profile';
import { DryRunResult, ImportEntity, RunResult } from './import.entity';
import { readFileChunks } from './import-file-store';
import { stagingTableOf } from './stakeholder-import-sql';

/** Rows between progress writes (and cancellation checks). */
const PROGRESS_EVERY = 5_000;
/** Lines merged per batch; cancellation is checked between batches. */
const MERGE_BATCH_LINES = 20_000;
const FIRST_ERRORS = 20;

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled');
  }
}

/** Told every few thousand rows; answers true when the import should stop (cancelled). */
export type ProgressListener = (progress: { phase: string; rowsDone: number; errorsSoFar: number }) => Promise<boolean>;

const SPECIAL = /[\\\t\n\r\u0000]/;
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r\u0000]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : ''));
}

const BREAKS = /\r\n|\n|\r/g;
/**
 * Physical lines a record spans: one, plus the line breaks inside its quoted fields. (csv-parse's
 * own line count takes a quoted CRLF for two lines, which would shift every later line number.)
 */
function linesSpanned(record: string[]): number {
  let lines = 1;
  for (const field of record) {
    if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) lines += field.match(BREAKS)?.length ?? 0;
  }
  return lines;
}

/** A row with more fields than the header is rejected whole: its values cannot be told apart. */
function tooManyFields(record: string[], headerFields: number): string | null {
  return record.length > headerFields ? `the row has ${record.length} fields; the header has ${headerFields}` : null;
}

/** Trimmed, empty meaning null, and the export's formula guard undone (so an export re-imports as it was). */
function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : unguardFormula(trimmed);
}

/**
 * The shared pipeline: read the stored file as a stream, parse it (csv-parse: quotes, embedded
 * newlines, BOM, the detected separator), check each row with the profile's rules, and COPY every
 * row, accepted or not, into a temporary staging table, with back-pressure all the way so memory
 * stays flat. The profile then checks, classifies and merges set-based. Everything runs in the
 * caller's transaction: the dry run rolls it back, the run commits it once at the end.
 */
@Injectable()
export class ImportPipeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  contextOf(row: ImportEntity, actor: ImportContext['actor']): ImportContext {
    return {
      importId: row.id,
      actor,
      duplicateMode: row.duplicateMode,
      crisisId: row.crisisId,
      caseOwnerTeamIds: row.caseOwnerTeamIds,
      stage: stagingTableOf(row.id),
      mappedColumns: new Set((row.mapping ?? []).map((m) => m.column).filter((c): c is string => c !== null)),
    };
  }

  /**
   * Stages the file (committed, so the run reuses it instead of parsing the file again), then
   * checks and plans; no record changes, the checks write to the staging table only. A profile
   * with a checksFingerprint stages, checks and takes the digest of what the checks read in one
   * REPEATABLE READ transaction, committed, so that the run can take the checks over. For any
   * other profile the checks are rolled back, and the run checks again.
   */
  async dryRun(row: ImportEntity, profile: ImportProfile, ctx: ImportContext): Promise<DryRunResult> {
    const review = reviewMapping(row.mapping ?? [], profile.columns);
    if (review.missingRequired.length > 0 || review.problems.length > 0) {
      await this.dropStage(ctx);
      return { ...review, rowsTotal: 0, rowsRejected: 0, counts: {}, firstErrors: [] };
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (profile.checksFingerprint) {
        // Recorded after the commit: a crash in between leaves no digest, and the run stages again.
        await this.setStaged(row, null, null);
        await runner.startTransaction('REPEATABLE READ');
        await runner.query(`SET LOCAL statement_timeout = 0`);
        const staged = await this.stage(runner, row, profile, ctx, null);
        const fingerprint = await this.fingerprintOf(runner, profile, ctx);
        const summary = await this.checkAndSummarise(runner, profile, ctx);
        await runner.commitTransaction();
        await this.setStaged(row, staged, fingerprint);
        return { ...review, ...summary };
      }
      await runner.startTransaction();
      await runner.query(`SET LOCAL statement_timeout = 0`);
      await this.setStaged(row, await this.stage(runner, row, profile, ctx, null), null, runner);
      await runner.commitTransaction();
      await runner.startTransaction();
      await runner.query(`SET LOCAL statement_timeout = 0`);
      const summary = await this.checkAndSummarise(runner, profile, ctx);
      await runner.rollbackTransaction();
      return { ...review, ...summary };
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      // The checks left a dead version of every row they marked: reclaim them so the run scans a
      // table its own size.
      await this.dataSource.query(`VACUUM ${ctx.stage}`).catch(() => undefined);
    }
  }

  private async setStaged(row: ImportEntity, stagedRows: number | null, fingerprint: string | null, runner?: QueryRunner): Promise<void> {
    await (runner ?? this.dataSource).query(
      `UPDATE imports SET staged_rows = $2, checked_fingerprint = $3, updated_at = now() WHERE id = $1`,
      [row.id, stagedRows, fingerprint],
    );
    row.stagedRows = stagedRows;
    row.checkedFingerprint = fingerprint;
  }

  private async checkAndSummarise(runner: QueryRunner, profile: ImportProfile, ctx: ImportContext) {
    await profile.checkInDatabase(runner, ctx);
    const counts = await profile.plan(runner, ctx);
    const [totals] = await runner.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE error_reason IS NOT NULL)::int AS rejected FROM ${ctx.stage}`,
    );
    const firstErrors = await runner.query(
      `SELECT line, error_column AS column, error_reason AS reason FROM ${ctx.stage} WHERE error_reason IS NOT NULL ORDER BY line LIMIT ${FIRST_ERRORS}`,
    );
    return { rowsTotal: totals.total as number, rowsRejected: totals.rejected as number, counts, firstErrors };
  }

  /** Drops the staging table (an import that ended, or whose mapping no longer stages). */
  async dropStage(ctx: ImportContext): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${ctx.stage}`);
  }

  /**
   * Stages, checks, records the rejected rows and merges, in the runner's open transaction.
   * Throws ImportCancelled when the listener says so; the caller rolls back.
   */
  async run(
    runner: QueryRunner,
    row: ImportEntity,
    profile: ImportProfile,
    ctx: ImportContext,
    onProgress: ProgressListener,
  ): Promise<RunResult> {
    const clock = Date.now();
    // Not recorded on the import here: the progress writes would wait for that row's lock.
    const reusable = await this.reusableChecks(runner, row, profile, ctx);
    if (!reusable) await this.stage(runner, row, profile, ctx, onProgress);
    const staged = Date.now();
    if (await onProgress({ phase: 'CHECKING', rowsDone: 0, errorsSoFar: 0 })) throw new ImportCancelled();
    if (reusable !== 'CHECKED') await profile.checkInDatabase(runner, ctx);
    const planned = await profile.plan(runner, ctx);
    const checked = Date.now();
    const [totals] = await runner.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE error_reason IS NOT NULL)::int AS rejected, coalesce(max(line), 0) AS last FROM ${ctx.stage}`,
    );
    const headers = profile.columns.map((c) => c.name);
    await runner.query(
      `INSERT INTO import_rejected_rows (import_id, line, column_name, reason, raw_values)
       SELECT $1, line, error_column, error_reason, ARRAY[${headers.map((h) => `coalesce(${h}, '')`).join(', ')}]
       FROM ${ctx.stage} WHERE error_reason IS NOT NULL`,
      [row.id],
    );
    // Reported before the first batch too, so that the phase shows where the time goes.
    if (await onProgress({ phase: 'MERGING', rowsDone: 0, errorsSoFar: totals.rejected })) throw new ImportCancelled();
    const done: ImportCounts = {};
    for (let from = 1; from <= totals.last; from += MERGE_BATCH_LINES) {
      const to = from + MERGE_BATCH_LINES - 1;
      const counts = await profile.merge(runner, ctx, from, to);
      for (const [name, value] of Object.entries(counts)) done[name] = (done[name] ?? 0) + value;
      if (await onProgress({ phase: 'MERGING', rowsDone: Math.min(to, totals.last), errorsSoFar: totals.rejected })) throw new ImportCancelled();
    }
    await runner.query(`DROP TABLE ${ctx.stage}`);
    const timingsMs = { staging: staged - clock, checks: checked - staged, merge: Date.now() - checked };
    const checksReused = reusable === 'CHECKED';
    return { rowsTotal: totals.total, rowsRejected: totals.rejected, counts: { ...planned, ...done }, timingsMs, checksReused };
  }

  /**
   * What the run can take over from the dry run: 'CHECKED' when the staging table holds the rows
   * it recorded and its checks, and nothing they read has changed since (the same fingerprint,
   * which also covers what the row validation looked up); 'STAGED' when it holds the rows of a
   * profile without a fingerprint; null when the file must be staged again (an unlogged table is
   * emptied by a database crash; checks whose inputs changed are stale).
   */
  private async reusableChecks(runner: QueryRunner, row: ImportEntity, profile: ImportProfile, ctx: ImportContext): Promise<'CHECKED' | 'STAGED' | null> {
    if (row.stagedRows === null) return null;
    const [{ exists }] = await runner.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [ctx.stage]);
    if (!exists) return null;
    const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM ${ctx.stage}`);
    if (n !== row.stagedRows) return null;
    // Without a fingerprint the dry run rolled its checks back: the rows are as staged.
    if (!profile.checksFingerprint) return 'STAGED';
    if (row.checkedFingerprint === null) return null;
    return (await this.fingerprintOf(runner, profile, ctx)) === row.checkedFingerprint ? 'CHECKED' : null;
  }

  /**
   * The profile's digest of the database, with what else the checks and the row rules depend
   * on: the actor as the run sees it (the dry run's comes from the request's token) and the options.
   */
  private async fingerprintOf(runner: QueryRunner, profile: ImportProfile, ctx: ImportContext): Promise<string> {
    const database = await profile.checksFingerprint!(runner, ctx);
    const { actor, duplicateMode, crisisId, caseOwnerTeamIds, mappedColumns } = ctx;
    const inputs = JSON.stringify([database, actor.id, actor.email.toLowerCase(), actor.role, duplicateMode, crisisId, caseOwnerTeamIds, [...mappedColumns].sort()]);
    return createHash('sha256').update(inputs).digest('hex');
  }

  /**
   * (Re)creates the import's staging table and loads every row into it, accepted or not. UNLOGGED:
   * it is scratch space (no WAL), yet visible to a worker on another machine, unlike a temp table.
   */
  private async stage(
    runner: QueryRunner,
    row: ImportEntity,
    profile: ImportProfile,
    ctx: ImportContext,
    onProgress: ProgressListener | null,
  ): Promise<number> {
    const names = profile.columns.map((c) => c.name);
    await runner.query(`DROP TABLE IF EXISTS ${ctx.stage}`);
    await runner.query(
      `CREATE UNLOGGED TABLE ${ctx.stage} (line integer NOT NULL, ${names.map((n) => `${n} text`).join(', ')},
         error_column text, error_reason text, ${profile.stagingExtraColumns}) WITH (fillfactor = 50)`,
    );
    const positions = columnPositions(row.mapping ?? [], profile.columns);
    const validate = profile.rowValidatorIn ? await profile.rowValidatorIn(runner, ctx) : profile.rowValidator(ctx);
    const extras = profile.stagedColumns ?? [];
    const client = (await runner.connect()) as PoolClient;
    const copy = client.query(
      copyFrom(`COPY ${ctx.stage} (line, ${[...names, 'error_column', 'error_reason', ...extras].join(', ')}) FROM STDIN`),
    );

    const parser = parse({
      bom: true,
      delimiter: row.delimiter,
      relax_column_count: true,
      skip_records_with_error: true,
    });
    let lastLine = 0;
    let rows = 0;
    let errors = 0;
    let header = true;
    let batch = '';
    const noExtras = extras.map(() => null);
    const stageLine = (line: number, values: (string | null)[], column: string | null, reason: string | null, staged: (string | null)[] = noExtras) => {
      const tail = extras.length > 0 ? `\t${staged.map(copyField).join('\t')}` : '';
      batch += `${line}\t${values.map(copyField).join('\t')}\t${copyField(column)}\t${copyField(reason)}${tail}\n`;
    };
    const nulls = names.map(() => null);
    parser.on('skip', (error: Error & { lines?: number }) => {
      const line = lastLine + 1;
      lastLine = Math.max(line, error.lines ?? line);
      if (header) return;
      rows += 1;
      errors += 1;
      stageLine(line, nulls, null, `the CSV is malformed here: ${error.message}`.slice(0, 1000));
    });

    const toCopy = new Transform({
      writableObjectMode: true,
      writableHighWaterMark: 256,
      transform: (record: string[], _encoding, done) => {
        const line = lastLine + 1;
        lastLine += linesSpanned(record);
        if (header) {
          header = false;
          return done();
        }
        if (record.length === 1 && record[0].trim() === '') return done();
        const tooLarge = oversizedReasonOf(record) ?? tooManyFields(record, row.headers.length);
        if (tooLarge !== null) {
          rows += 1;
          errors += 1;
          stageLine(line, nulls, null, tooLarge);
          return done();
        }
        const values = positions.map((p) => (p < 0 ? null : clean(record[p])));
        const verdict = validate(values);
        rows += 1;
        if (verdict.ok) stageLine(line, verdict.values, null, null, verdict.staged);
        else {
          errors += 1;
          stageLine(line, values, verdict.column, verdict.reason);
        }
        if (rows % 500 === 0) {
          const out = batch;
          batch = '';
          if (onProgress && rows % PROGRESS_EVERY === 0) {
            onProgress({ phase: 'STAGING', rowsDone: rows, errorsSoFar: errors }).then(
              (stop) => done(stop ? new ImportCancelled() : null, out),
              (error: unknown) => done(error as Error),
            );
            return;
          }
          return done(null, out);
        }
        done();
      },
      flush: (done) => done(null, batch),
    });
    // The guard first: no row may cost the parser more memory than IMPORT_MAX_RECORD_BYTES / IMPORT_MAX_FIELDS.
    const guard = new CsvRecordGuard(row.delimiter, { maxRecordBytes: this.config.importMaxRecordBytes, maxFields: this.config.importMaxFields });
    await pipeline(readFileChunks(this.dataSource, row.id), guard, parser, toCopy, copy);
    // Indexes after the load: cheaper than maintaining them row by row during COPY.
    await runner.query(`ALTER TABLE ${ctx.stage} ADD PRIMARY KEY (line)`);
    await runner.query(`CREATE INDEX ON ${ctx.stage} (external_ref, line)`);
    await runner.query(`ANALYZE ${ctx.stage}`);
    return rows;
  }
}
