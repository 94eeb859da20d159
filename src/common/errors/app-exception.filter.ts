import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

/** The HTTP status of each code, for plain HTTP routes (CSV exports, uploads). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BadUserInput:
    case ErrorCode.QueryTooComplex:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Internal:
      return 500;
  }
}

/**
 * Hands expected failures straight to Apollo (whose formatError gives them their code),
 * instead of letting Nest log them as unhandled errors. On a plain HTTP route it answers
 * with the matching status and the same code as JSON: `{ error: { code, message, ...details } }`,
 * the shape of the upload route's errors too.
 */
@Catch(AppException)
export class AppExceptionFilter implements GqlExceptionFilter {
  catch(exception: AppException, host: ArgumentsHost): AppException | void {
    if (host.getType() !== 'http') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .code(httpStatusOf(exception.code))
      .type('application/json; charset=utf-8')
      .send({ error: { code: exception.code, message: exception.message, ...exception.details } });
  }
}
