import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { ImportRunner } from '../modules/imports/import-runner.service';
import { ImportStageCleanupService } from '../modules/imports/import-stage-cleanup.service';
import { JobName, jobOn, QueueName } from './job-names';

/**
 * Imports on a queue of their own, one at a time per worker (a run holds one database
 * connection and a transaction for its whole length).
 */
@Processor(QueueName.IMPORTS, { concurrency: 1, lockDuration: 60_000 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly runner: ImportRunner,
    private readonly stages: ImportStageCleanupService,
  ) {
    super();
  }

  async process(job: Job<{ importId?: string }>): Promise<unknown> {
    const name = jobOn(QueueName.IMPORTS, job.name);
    switch (name) {
      case JobName.RUN_IMPORT: {
        const importId = job.data.importId as string;
        const outcome = await this.runner.run(importId);
        this.logger.log(`Import ${importId}: ${outcome}`);
        return { outcome };
      }
      case JobName.DROP_IDLE_IMPORT_STAGES: {
        const result = await this.stages.dropIdleStages();
        if (result.dropped > 0) this.logger.log(`Dropped ${result.dropped} idle or leftover import staging tables`);
        return result;
      }
      default: {
        const unhandled: never = name;
        throw new Error(`No handler for job ${String(unhandled)} on queue ${QueueName.IMPORTS}`);
      }
    }
  }
}
