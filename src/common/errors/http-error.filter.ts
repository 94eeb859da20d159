import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppException } from './app.exception';
import { httpStatusOf } from './app-exception.filter';
import { ErrorCode } from './error-code';
import { clientErrorOfPg } from './pg-error';

const logger = new Logger('HttpRoutes');

/**
 * For the plain HTTP routes (CSV downloads): every failure answers as JSON in the one shape
 * those routes use, `{ error: { code, message, ...details } }`, with the GraphQL error codes
 * and the matching status; anything unexpected is logged with a reference and hidden.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>().header('content-type', 'application/json; charset=utf-8');
    const fromDatabase = clientErrorOfPg(exception);
    if (fromDatabase) {
      logger.warn(`A database rule refused a request (${fromDatabase.code}): ${(exception as Error).message}`);
      exception = fromDatabase;
    }
    if (exception instanceof AppException) {
      void reply.status(httpStatusOf(exception.code)).send({ error: { code: exception.code, message: exception.message, ...exception.details } });
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      void reply.status(404).send({ error: { code: ErrorCode.NotFound, message: exception.message } });
      return;
    }
    const reference = randomUUID();
    logger.error(`Unexpected error (reference ${reference}): ${exception instanceof Error ? exception.stack : String(exception)}`);
    void reply
      .status(500)
      .send({ error: { code: ErrorCode.Internal, message: `Internal error; quote reference ${reference} when reporting it`, reference } });
  }
}
