import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommitmentOverdueSweepService } from './commitment-overdue-sweep.service';
import { CommitmentQueriesService } from './commitment-queries.service';
import { CommitmentsResolver } from './commitments.resolver';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [NotificationsModule],
  providers: [CommitmentsService, CommitmentQueriesService, CommitmentOverdueSweepService, CommitmentsResolver],
  exports: [CommitmentQueriesService, CommitmentOverdueSweepService],
})
export class CommitmentsModule {}
