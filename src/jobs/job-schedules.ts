import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
  }
}
