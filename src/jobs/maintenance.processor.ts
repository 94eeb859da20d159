import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { SessionCleanupService } from '../modules/auth/session-cleanup.service';
import { JobName, jobOn, QueueName } from './job-names';

@Processor(QueueName.MAINTENANCE)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly sessions: SessionCleanupService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = jobOn(QueueName.MAINTENANCE, job.name);
    switch (name) {
      case JobName.PURGE_EXPIRED_SESSIONS: {
        const deleted = await this.sessions.purgeExpired();
        this.logger.log(`Purged ${deleted.tokens} expired refresh tokens and ${deleted.sessions} ended or expired sessions`);
        return deleted;
      }
      default: {
        const unhandled: never = name;
        throw new Error(`No handler for job ${String(unhandled)} on queue ${QueueName.MAINTENANCE}`);
      }
    }
  }
}
