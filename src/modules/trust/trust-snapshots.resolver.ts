import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/auth.decorators';
import { UserRole } from '../users/user-role.enum';
import { RefreshTrustSnapshotsArgs } from './dto/refresh-trust-snapshots.args';
import { TrustSnapshotRunModel } from './trust-snapshot-run.model';
import { TrustSnapshotQueueService } from './trust-snapshot-queue.service';

@Resolver()
export class TrustSnapshotsResolver {
  constructor(private readonly queue: TrustSnapshotQueueService) {}

  @Mutation(() => TrustSnapshotRunModel, {
    description: 'Recomputes the monthly trust snapshots in the worker (this month and the last, or every month with backfill).',
  })
  @Roles(UserRole.ADMIN, UserRole.LEADERSHIP)
  refreshTrustSnapshots(@Args() args: RefreshTrustSnapshotsArgs): Promise<TrustSnapshotRunModel> {
    return this.queue.enqueue({ crisisId: args.crisisId ?? null, backfill: args.backfill });
  }
}
