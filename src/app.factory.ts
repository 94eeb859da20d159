import { ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, AppModuleOptions } from './app.module';
import { AppException } from './common/errors/app.exception';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { TextInputPipe } from './common/validation/text-input.pipe';

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...describe(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);
}

/** Builds the HTTP application; shared by `main.ts` and the end-to-end tests. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.config.bodyLimitBytes, trustProxy: options.config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: options.config.nodeEnv === 'test' ? ['error', 'warn'] : undefined,
  });
  app.useGlobalPipes(
    new TextInputPipe(),
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => AppException.badInput(describe(errors).join('; '), { fields: errors.map((e) => e.property) }),
    }),
  );
  app.useGlobalFilters(new AppExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
