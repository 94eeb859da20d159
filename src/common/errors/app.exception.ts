import { ErrorCode } from './error-code';

/**
 * A failure the caller can act on. Services throw these; `formatGraphqlError` turns them
 * into GraphQL errors with `extensions.code`.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  static notFound(record: string, id: string): AppException {
    return new AppException(ErrorCode.NotFound, `${record} ${id} does not exist`, { record, id });
  }

  static forbidden(message: string): AppException {
    return new AppException(ErrorCode.Forbidden, message);
  }

  static conflict(message: string, details: Record<string, unknown> = {}): AppException {
    return new AppException(ErrorCode.Conflict, message, details);
  }

  static badInput(message: string, details: Record<string, unknown> = {}): AppException {
    return new AppException(ErrorCode.BadUserInput, message, details);
  }

  static unauthenticated(message: string): AppException {
    return new AppException(ErrorCode.Unauthenticated, message);
  }
}
