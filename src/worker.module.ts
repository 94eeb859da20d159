import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from './common/clock/clock';
import { ClockModule } from './common/clock/clock.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { QueuesModule } from './jobs/queues.module';
import { WorkersModule } from './jobs/workers.module';

/** The worker process: queues and their consumers, no HTTP. */
@Module({})
export class WorkerModule {
  /** `clock`: the system clock unless a test fixes one, as for the API. */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        QueuesModule,
        WorkersModule,
      ],
    };
  }
}
