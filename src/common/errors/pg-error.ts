import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the services translate into domain errors. */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
  ExclusionViolation: '23P01',
  SerializationFailure: '40001',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
}

export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = (error as QueryFailedError & { driverError?: PgErrorInfo }).driverError;
  return driverError?.code ? { code: driverError.code, constraint: driverError.constraint } : undefined;
}

export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const info = pgErrorOf(error);
  return !!info && info.code === code && (constraint === undefined || info.constraint === constraint);
}
