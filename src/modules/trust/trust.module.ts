import { Module } from '@nestjs/common';
import { CaseTrustResolver } from './case-trust.resolver';
import { TrustFactsService } from './trust-facts.service';
import { TrustIndexService } from './trust-index.service';
import { TrustSettingsResolver } from './trust-settings.resolver';
import { TrustSettingsService } from './trust-settings.service';
import { TrustSnapshotQueueService } from './trust-snapshot-queue.service';
import { TrustSnapshotService } from './trust-snapshot.service';
import { TrustSnapshotsResolver } from './trust-snapshots.resolver';

@Module({
  providers: [
    TrustSettingsService,
    TrustSettingsResolver,
    TrustFactsService,
    TrustIndexService,
    CaseTrustResolver,
    TrustSnapshotService,
    TrustSnapshotQueueService,
    TrustSnapshotsResolver,
  ],
  exports: [TrustIndexService, TrustSnapshotService, TrustSettingsService],
})
export class TrustModule {}
