import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

/** SQLSTATE codes the services translate into domain errors. */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  NotNullViolation: '23502',
  CheckViolation: '23514',
  ExclusionViolation: '23P01',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
  message?: string;
}

/** The PostgreSQL error behind a failed query: a TypeORM QueryFailedError, or the driver's own error. */
export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  const driverError =
    error instanceof QueryFailedError
      ? (error as QueryFailedError & { driverError?: PgErrorInfo }).driverError
      : error instanceof Error && 'severity' in error && typeof (error as { code?: unknown }).code === 'string'
        ? (error as unknown as PgErrorInfo)
        : undefined;
  if (!driverError?.code) return undefined;
  const { code, constraint, table, column, detail, message } = driverError;
  return { code, constraint, table, column, detail, message };
}

export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const info = pgErrorOf(error);
  return !!info && info.code === code && (constraint === undefined || info.constraint === constraint);
}

/** A deadlock or a serialization failure: the transaction lost a race and may simply be run again. */
export function isTransientPgError(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return code === PgErrorCode.SerializationFailure || code === PgErrorCode.DeadlockDetected;
}

/** `users_name_check` → `name` when the table is `users`; the constraint itself otherwise. */
function subjectOf(info: PgErrorInfo): string {
  if (info.column) return info.column;
  const constraint = info.constraint ?? '';
  if (info.table && constraint.startsWith(`${info.table}_`)) {
    return constraint.slice(info.table.length + 1).replace(/_(check|fkey|key|excl)$/, '');
  }
  return constraint || 'a value';
}

/**
 * The last line behind the validators: a database error the caller caused becomes a client
 * error with a message they can act on, never a 500. The services translate the errors they
 * expect into better messages first; what reaches this point is a rule no validator knew of
 * (the formatter logs it as a warning, so that the validator can be added).
 * SQLSTATE class 22 (data exceptions: a NUL byte, a value out of range, text too long) and the
 * check and not-null violations are BAD_USER_INPUT; a reference to a missing record NOT_FOUND;
 * a unique or exclusion violation, a record still referenced, a deadlock or serialization
 * failure left after retries CONFLICT. Anything else (a syntax error, a lost connection) is ours.
 */
export function clientErrorOfPg(error: unknown): AppException | undefined {
  const info = pgErrorOf(error);
  if (!info) return undefined;
  const { code } = info;
  const where = info.table ? ` (${info.table})` : '';
  if (code === PgErrorCode.UniqueViolation || code === PgErrorCode.ExclusionViolation) {
    return AppException.conflict('This conflicts with an existing record', { constraint: info.constraint });
  }
  if (code === PgErrorCode.SerializationFailure || code === PgErrorCode.DeadlockDetected) {
    return AppException.conflict('A concurrent change to the same records won; reload them and try again');
  }
  if (code === PgErrorCode.CheckViolation) {
    const subject = subjectOf(info);
    return AppException.badInput(`${subject} is not allowed here${where}: it breaks the rule ${info.constraint ?? 'of this record'}`, {
      fields: [subject],
      constraint: info.constraint,
    });
  }
  if (code === PgErrorCode.NotNullViolation) {
    const subject = subjectOf(info);
    return AppException.badInput(`${subject} is required${where}`, { fields: [subject] });
  }
  if (code === PgErrorCode.ForeignKeyViolation) {
    if (/still referenced/.test(info.detail ?? '')) {
      return AppException.conflict(`This record is still in use${where}; remove what refers to it first`, { constraint: info.constraint });
    }
    const subject = subjectOf(info);
    return new AppException(ErrorCode.NotFound, `${subject} refers to a record that does not exist (or no longer does)`, {
      fields: [subject],
      constraint: info.constraint,
    });
  }
  if (code.startsWith('22')) {
    return AppException.badInput(`A value cannot be stored: ${dataExceptionText(info)}`, { sqlstate: code });
  }
  if (code.startsWith('23')) {
    return AppException.conflict(`This breaks a rule between records${where}: ${info.constraint ?? code}`, { constraint: info.constraint });
  }
  return undefined;
}

/** PostgreSQL's own words for a data exception, which name the problem but never the data. */
function dataExceptionText(info: PgErrorInfo): string {
  if (info.code === '22021' || info.code === '22P05') return 'it contains a character the database cannot store (such as U+0000)';
  return (info.message ?? info.code).replace(/\s+/g, ' ').slice(0, 200);
}
