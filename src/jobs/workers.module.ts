import { Module } from '@nestjs/common';
import { SessionCleanupService } from '../modules/auth/session-cleanup.service';
import { CommitmentOverdueSweepService } from '../modules/commitments/commitment-overdue-sweep.service';
import { ImportsCoreModule } from '../modules/imports/imports-core.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { SlaSweepService } from '../modules/sla/sla-sweep.service';
import { ImportDryRunsProcessor } from './import-dry-runs.processor';
import { ImportsProcessor } from './imports.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { OutreachProcessor } from './outreach.processor';
import { TrustSnapshotService } from '../modules/trust/trust-snapshot.service';
import { TrustProcessor } from './trust.processor';

/** The job consumers: run in the worker process (src/worker.ts), or in the API process when configured. */
@Module({
  imports: [NotificationsModule, ImportsCoreModule],
  providers: [
    MaintenanceProcessor,
    SessionCleanupService,
    OutreachProcessor,
    CommitmentOverdueSweepService,
    SlaSweepService,
    ImportsProcessor,
    ImportDryRunsProcessor,
    TrustProcessor,
    TrustSnapshotService,
  ],
})
export class WorkersModule {}
