import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { AppException } from './app.exception';

/**
 * Hands expected failures straight to Apollo (whose formatError gives them their code),
 * instead of letting Nest log them as unhandled errors.
 */
@Catch(AppException)
export class AppExceptionFilter implements GqlExceptionFilter {
  catch(exception: AppException, _host: ArgumentsHost): AppException {
    return exception;
  }
}
