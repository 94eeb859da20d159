import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { Clock } from '../common/clock/clock';
import { TrustSnapshotJobData } from '../modules/trust/trust-snapshot-job';
import { previousMonthStart, TrustSnapshotService } from '../modules/trust/trust-snapshot.service';
import { JobName, jobOn, QueueName } from './job-names';

/** Snapshots are recomputed in place, so a retried or repeated run writes the same rows. */
@Processor(QueueName.TRUST)
export class TrustProcessor extends WorkerHost {
  private readonly logger = new Logger(TrustProcessor.name);

  constructor(
    private readonly snapshots: TrustSnapshotService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = jobOn(QueueName.TRUST, job.name);
    switch (name) {
      case JobName.TRUST_SNAPSHOTS: {
        const data = job.data as Partial<TrustSnapshotJobData>;
        const now = this.clock.now();
        const result = await this.snapshots.run({
          now,
          crisisId: data.crisisId ?? null,
          fromMonth: data.backfill ? null : previousMonthStart(now),
        });
        this.logger.log(`Trust snapshots: ${result.snapshots} in ${result.batches} batches, ${result.milliseconds} ms`);
        return result;
      }
      default: {
        const unhandled: never = name;
        throw new Error(`No handler for job ${String(unhandled)} on queue ${QueueName.TRUST}`);
      }
    }
  }
}
