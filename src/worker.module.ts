import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from './common/clock/clock.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { QueuesModule } from './jobs/queues.module';
import { WorkersModule } from './jobs/workers.module';

/** The worker process: queues and their consumers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        QueuesModule,
        WorkersModule,
      ],
    };
  }
}
