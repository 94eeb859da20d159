import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { SignalRowErrorModel } from './signal-row-error.model';
import { SignalRowStatus } from './signal-row-status.enum';

/** Most rows one bulk call takes; a larger file is sent in several calls. */
export const MAX_SIGNAL_ROWS = 1000;

function flatten(errors: ValidationError[], prefix = ''): SignalRowErrorModel[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, code: ErrorCode.BadUserInput, message })),
      ...flatten(e.children ?? [], field),
    ];
  });
}

/**
 * The per-row bookkeeping of a bulk signal call: each row is checked with the same
 * class-validator rules as the single mutation, then by the service's own checks; rejected
 * rows carry every error found (field, code, message).
 */
export class SignalBatch<T extends object> {
  readonly rows: (T | null)[];
  private readonly errors: SignalRowErrorModel[][];
  private readonly statuses: (SignalRowStatus | null)[];
  private readonly ids: (string | null)[];

  constructor(cls: new () => T, input: readonly object[]) {
    this.errors = input.map(() => []);
    this.statuses = input.map(() => null);
    this.ids = input.map(() => null);
    this.rows = input.map((raw, i) => {
      const row = plainToInstance(cls, raw);
      const problems = flatten(validateSync(row, { whitelist: true, forbidNonWhitelisted: true }));
      this.errors[i].push(...problems);
      return problems.length ? null : row;
    });
  }

  /** Rows that passed every check so far, with their input index. */
  valid(): { index: number; row: T }[] {
    return this.rows.flatMap((row, index) => (row && this.errors[index].length === 0 ? [{ index, row }] : []));
  }

  reject(index: number, field: string, code: ErrorCode, message: string): void {
    this.errors[index].push({ field, code, message });
  }

  get hasRejections(): boolean {
    return this.errors.some((e) => e.length > 0);
  }

  mark(index: number, status: SignalRowStatus, id: string | null = null): void {
    this.statuses[index] = status;
    this.ids[index] = id;
  }

  result(committed: boolean): SignalBatchResultModel {
    const rows = this.errors.map((errors, index) => ({
      index,
      status: errors.length ? SignalRowStatus.REJECTED : committed ? (this.statuses[index] ?? SignalRowStatus.UNCHANGED) : SignalRowStatus.NOT_WRITTEN,
      id: errors.length || !committed ? null : this.ids[index],
      errors,
    }));
    const count = (s: SignalRowStatus) => rows.filter((r) => r.status === s).length;
    return {
      committed,
      created: count(SignalRowStatus.CREATED),
      updated: count(SignalRowStatus.UPDATED),
      unchanged: count(SignalRowStatus.UNCHANGED),
      rejected: count(SignalRowStatus.REJECTED),
      rows,
    };
  }
}

/** For the single-row mutations: a rejected row becomes the GraphQL error its first problem names. */
export function throwIfRejected(result: SignalBatchResultModel): void {
  const [row] = result.rows;
  if (row.status !== SignalRowStatus.REJECTED) return;
  const [first] = row.errors;
  const message = row.errors.map((e) => e.message).join('; ');
  throw new AppException(first.code as ErrorCode, message, { fields: [...new Set(row.errors.map((e) => e.field))] });
}
