import type { QueryRunner } from 'typeorm';
import { UserRole } from '../users/user-role.enum';
import { CsvColumnDefinition } from './stakeholder-csv-columns';
import { DuplicateMode, ImportKind } from './import.enums';

/** What the row rules and the merge need to know about the import. */
export interface ImportContext {
  importId: string;
  actor: { id: string; email: string; role: UserRole };
  duplicateMode: DuplicateMode;
  crisisId: string | null;
  caseOwnerTeamIds: readonly string[];
  /** The import's staging table (see stagingTableOf). */
  stage: string;
  /** Contract columns the file's mapping feeds: an update leaves the others as they are. */
  mappedColumns: ReadonlySet<string>;
}

/**
 * A row either passes with its values normalised (in the profile's column order), or is rejected.
 * `staged` holds values for the profile's stagedColumns (null when absent, or for a rejected row).
 */
export type RowVerdict =
  | { ok: true; values: (string | null)[]; staged?: (string | null)[] }
  | { ok: false; column: string | null; reason: string };

/** Counts a dry run predicts and a run reports; each profile names its own. */
export type ImportCounts = Record<string, number>;

/**
 * One kind of import. The pipeline (upload, chunks, parsing, staging with COPY, rejected rows,
 * progress, cancellation, the one transaction) is shared; a profile brings the columns, the
 * per-row rules, the set-based checks that need the database, and the merge (STAKEHOLDERS,
 * REVENUE and SURVEYS: see ImportProfiles).
 */
export interface ImportProfile {
  readonly kind: ImportKind;
  readonly columns: readonly CsvColumnDefinition[];
  /** Extra columns of the staging table: generated keys and the merge's working columns. */
  readonly stagingExtraColumns: string;
  /** Pure per-row validation, built once per run (it may precompute from the context). */
  rowValidator(context: ImportContext): (values: (string | null)[]) => RowVerdict;
  /**
   * Optional, used instead of rowValidator when present: builds the per-row validation after
   * reading small lookup tables (users by email, say) in the staging transaction, so that values
   * resolvable row by row are resolved while parsing instead of by an UPDATE of every staged row.
   */
  rowValidatorIn?(runner: QueryRunner, context: ImportContext): Promise<(values: (string | null)[]) => RowVerdict>;
  /** Optional: columns of stagingExtraColumns that a verdict's `staged` values fill, in that order. */
  readonly stagedColumns?: readonly string[];
  /** Marks staged rows that break rules needing the database (rows keep line order); runs in a transaction the dry run rolls back. */
  checkInDatabase(runner: QueryRunner, context: ImportContext): Promise<void>;
  /**
   * Optional. A digest of everything in the database that checkInDatabase reads for this
   * import's staged rows. With it, the dry run keeps its checks in the staging table and records
   * the digest (taken in the checks' snapshot); the run skips checkInDatabase when the digest is
   * unchanged, and stages and checks afresh when it is not. Without it, the run checks again.
   * A profile whose rowValidatorIn reads the database should have one covering what it reads.
   */
  checksFingerprint?(runner: QueryRunner, context: ImportContext): Promise<string>;
  /** What the merge would do, without doing it (the dry run). */
  plan(runner: QueryRunner, context: ImportContext): Promise<ImportCounts>;
  /** Applies the accepted rows with lines in [fromLine, toLine]; set-based, audited, idempotent. */
  merge(runner: QueryRunner, context: ImportContext, fromLine: number, toLine: number): Promise<ImportCounts>;
}
