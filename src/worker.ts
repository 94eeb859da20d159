import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './config/app-config';
import { WorkerModule } from './worker.module';

/** Entry point of a worker process: consumes the queues until it receives SIGTERM. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  new Logger('Regain').log('Worker started; consuming the job queues');
}

bootstrap().catch((error: unknown) => {
  new Logger('Regain').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
