import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';
import { clientErrorOfPg } from './pg-error';

const logger = new Logger('GraphQL');

/** Apollo's own codes for errors raised before execution (parse, validation, coercion). */
const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function httpStatusCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.BadUserInput;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 429:
      return ErrorCode.RateLimited;
    default:
      return ErrorCode.Internal;
  }
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/**
 * The one place where failures become GraphQL errors. Known failures keep their code and
 * message; anything unexpected is logged with a reference and hidden from the client.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppException) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof HttpException) {
    const code = httpStatusCode(original.getStatus());
    if (code !== ErrorCode.Internal) {
      return { ...base, message: httpMessage(original), extensions: { code } };
    }
  }
  const fromDatabase = clientErrorOfPg(original);
  if (fromDatabase) {
    logger.warn(`A database rule refused a request (${fromDatabase.code}): ${original instanceof Error ? original.message : String(original)}`);
    return { ...base, message: fromDatabase.message, extensions: { code: fromDatabase.code, ...fromDatabase.details } };
  }
  // A scalar that refused a literal argument: the client's input, though validation reports it.
  if (original instanceof GraphQLError && original !== error && original.extensions?.code === ErrorCode.BadUserInput) {
    return { ...base, extensions: { code: ErrorCode.BadUserInput } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }

  const reference = randomUUID();
  logger.error(
    `Unexpected error (reference ${reference}): ${original instanceof Error ? original.stack : String(original)}`,
  );
  return {
    ...base,
    message: `Internal error; quote reference ${reference} when reporting it`,
    extensions: { code: ErrorCode.Internal, reference },
  };
}
