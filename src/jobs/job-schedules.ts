import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TrustSnapshotJobData } from '../modules/trust/trust-snapshot-job';
import { JobName, QueueName } from './job-names';

/**
 * Registers the recurring jobs. upsertJobScheduler is idempotent, so every API
 * replica may run this at start-up and there is still one schedule.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.MAINTENANCE) private readonly maintenance: Queue,
    @InjectQueue(QueueName.OUTREACH) private readonly outreach: Queue,
    @InjectQueue(QueueName.TRUST) private readonly trust: Queue,
    @InjectQueue(QueueName.IMPORTS) private readonly imports: Queue,
  ) {}

  private readonly logger = new Logger(JobSchedules.name);

  /**
   * Waits a few seconds at most: with Redis down the API still starts (BullMQ keeps retrying
   * in the background and registers the schedules once Redis is back).
   */
  async onApplicationBootstrap(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 5_000);
    });
    const registering = this.register().catch((error: unknown) => {
      this.logger.error(`Could not register the recurring jobs: ${error instanceof Error ? error.message : String(error)}`);
    });
    if ((await Promise.race([registering, waited])) === 'timeout') {
      this.logger.warn('Redis did not answer; starting without confirming the recurring job schedules');
    }
    clearTimeout(timer);
  }

  private async register(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.PURGE_EXPIRED_SESSIONS,
      { pattern: '17 3 * * *', tz: 'UTC' },
      { name: JobName.PURGE_EXPIRED_SESSIONS, data: {} },
    );
    await this.outreach.upsertJobScheduler(
      JobName.COMMITMENT_OVERDUE_SWEEP,
      { every: 15 * 60_000 },
      { name: JobName.COMMITMENT_OVERDUE_SWEEP, data: {} },
    );
    await this.outreach.upsertJobScheduler(JobName.SLA_SWEEP, { every: 60_000 }, { name: JobName.SLA_SWEEP, data: {} });
    // Nightly: this month so far, and last month closed at its end (the run on the 1st).
    const nightly: TrustSnapshotJobData = { crisisId: null, backfill: false };
    await this.imports.upsertJobScheduler(
      JobName.DROP_IDLE_IMPORT_STAGES,
      { every: 60 * 60_000 },
      { name: JobName.DROP_IDLE_IMPORT_STAGES, data: {} },
    );
    await this.trust.upsertJobScheduler(JobName.TRUST_SNAPSHOTS, { pattern: '40 2 * * *', tz: 'UTC' }, { name: JobName.TRUST_SNAPSHOTS, data: nightly });
  }
}
