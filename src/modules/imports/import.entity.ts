import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MappedHeader } from './column-mapping';
import { DuplicateMode, ImportKind, ImportStatus } from './import.enums';

/** What a dry run found, kept on the import so the uploader can review it before starting. */
export interface DryRunResult {
  unknownHeaders: string[];
  missingRequired: string[];
  problems: string[];
  rowsTotal: number;
  rowsRejected: number;
  counts: Record<string, number>;
  firstErrors: { line: number; column: string | null; reason: string }[];
  previouslyImported?: { id: string; finishedAt: string; byName: string; byEmail: string }[];
}

export interface RunResult {
  rowsTotal: number;
  rowsRejected: number;
  counts: Record<string, number>;
  /** Where the run spent its time: staging (parse, rules, COPY), checks (set-based, with the plan), merge. */
  timingsMs?: Record<string, number>;
  /** The run took over the dry run's checks (nothing they read had changed), instead of checking again. */
  checksReused?: boolean;
}

@Entity('imports')
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ImportKind, enumName: 'import_kind' })
  kind: ImportKind;

  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status' })
  status: ImportStatus;

  @Column({ name: 'file_name' })
  fileName: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  /** bigint: pg returns a string. */
  @Column({ name: 'file_size_bytes', type: 'bigint' })
  fileSizeBytes: string;

  @Column({ type: 'char', length: 1 })
  delimiter: ',' | ';';

  @Column({ type: 'jsonb' })
  headers: string[];

  @Column({ name: 'crisis_id', type: 'uuid', nullable: true })
  crisisId: string | null;

  @Column({ name: 'duplicate_mode', type: 'enum', enum: DuplicateMode, enumName: 'import_duplicate_mode' })
  duplicateMode: DuplicateMode;

  @Column({ name: 'case_owner_team_ids', type: 'uuid', array: true })
  caseOwnerTeamIds: string[];

  @Column({ type: 'jsonb', nullable: true })
  mapping: MappedHeader[] | null;

  @Column({ name: 'dry_run', type: 'jsonb', nullable: true })
  dryRun: DryRunResult | null;

  @Column({ type: 'jsonb', nullable: true })
  result: RunResult | null;

  @Column({ name: 'total_rows', type: 'int', nullable: true })
  totalRows: number | null;

  /** Rows in the staging table the dry run loaded (null: not staged). */
  @Column({ name: 'staged_rows', type: 'int', nullable: true })
  stagedRows: number | null;

  /** The digest of what the dry run's checks read, kept with them in the staging table (null: no checks kept). */
  @Column({ name: 'checked_fingerprint', type: 'varchar', nullable: true })
  checkedFingerprint: string | null;

  @Column({ name: 'rows_done', type: 'int' })
  rowsDone: number;

  @Column({ name: 'rows_per_second', type: 'int', nullable: true })
  rowsPerSecond: number | null;

  @Column({ name: 'errors_so_far', type: 'int' })
  errorsSoFar: number;

  @Column({ type: 'varchar', nullable: true })
  phase: string | null;

  @Column({ name: 'cancel_requested' })
  cancelRequested: boolean;

  @Column({ name: 'failure_reason', type: 'varchar', nullable: true })
  failureReason: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt: Date | null;

  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
