import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { graphqlOptions } from './common/graphql/graphql.options';
import { Clock } from './common/clock/clock';
import { ClockModule } from './common/clock/clock.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { QueuesModule } from './jobs/queues.module';
import { SchedulesModule } from './jobs/schedules.module';
import { WorkersModule } from './jobs/workers.module';
import { QueryCounter } from './database/query-counter';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CadencesModule } from './modules/cadences/cadences.module';
import { CasesModule } from './modules/cases/cases.module';
import { CompensationModule } from './modules/compensation/compensation.module';
import { CrisesModule } from './modules/crises/crises.module';
import { ExportsModule } from './modules/exports/exports.module';
import { DashboardsModule } from './modules/dashboards/dashboards.module';
import { CommitmentsModule } from './modules/commitments/commitments.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { HealthModule } from './modules/health/health.module';
import { InteractionsModule } from './modules/interactions/interactions.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { StakeholdersModule } from './modules/stakeholders/stakeholders.module';
import { UsersModule } from './modules/users/users.module';
import { SlaModule } from './modules/sla/sla.module';
import { ImportsModule } from './modules/imports/imports.module';
import { SignalsModule } from './modules/signals/signals.module';
import { TrustModule } from './modules/trust/trust.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Where to write the generated schema; `true` keeps it in memory. */
  schemaFile: string | true;
  queryCounter?: QueryCounter;
  /** The clock every rule reads; the system clock unless a test fixes one. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, schemaFile, queryCounter, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, queryCounter, {
            statementTimeoutMs: config.dbStatementTimeoutMs,
            idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
          }),
        ),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => graphqlOptions(config, dataSource, schemaFile),
        }),
        RedisModule,
        QueuesModule,
        SchedulesModule,
        ...(config.runWorkerInProcess ? [WorkersModule] : []),
        AuditModule,
        UsersModule,
        AuthModule,
        CrisesModule,
        StakeholdersModule,
        CasesModule,
        CompensationModule,
        NotificationsModule,
        MessagingModule,
        InteractionsModule,
        MeetingsModule,
        CommitmentsModule,
        HealthModule,
        CadencesModule,
        SlaModule,
        ImportsModule,
        ExportsModule,
        SignalsModule,
        TrustModule,
        DashboardsModule,
      ],
    };
  }
}
