import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Internal]: 500,
};

const logger = new Logger('DashboardCsv');

/**
 * The CSV routes answer failures as JSON with the same codes as the GraphQL errors
 * (`{ code, message }`, plus the details), and the matching HTTP status; anything
 * unexpected is logged with a reference and hidden.
 */
@Catch()
export class DashboardHttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>().header('content-type', 'application/json; charset=utf-8');
    if (exception instanceof AppException) {
      void reply.status(STATUS[exception.code]).send({ code: exception.code, message: exception.message, ...exception.details });
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      void reply.status(404).send({ code: ErrorCode.NotFound, message: exception.message });
      return;
    }
    const reference = randomUUID();
    logger.error(`Unexpected error (reference ${reference}): ${exception instanceof Error ? exception.stack : String(exception)}`);
    void reply.status(500).send({ code: ErrorCode.Internal, message: `Internal error; quote reference ${reference} when reporting it`, reference });
  }
}
