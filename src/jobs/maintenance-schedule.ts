import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from './job-names';

/**
 * Registers the recurring maintenance jobs. upsertJobScheduler is idempotent, so every API
 * replica may run this at start-up and there is still one schedule.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.MAINTENANCE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.PURGE_EXPIRED_SESSIONS,
      { pattern: '17 3 * * *', tz: 'UTC' },
      { name: JobName.PURGE_EXPIRED_SESSIONS, data: {} },
    );
  }
}
