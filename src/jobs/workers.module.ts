import { Module } from '@nestjs/common';
import { SessionCleanupService } from '../modules/auth/session-cleanup.service';
import { MaintenanceProcessor } from './maintenance.processor';

/** The job consumers: run in the worker process (src/worker.ts), or in the API process when configured. */
@Module({ providers: [MaintenanceProcessor, SessionCleanupService] })
export class WorkersModule {}
