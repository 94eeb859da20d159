import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { ImportValidator } from '../modules/imports/import-validator.service';
import { JobName, jobOn, QueueName } from './job-names';

/**
 * The dry runs of uploaded files, one at a time per worker: parsing a file is the work an
 * upload request must never do in the API process (issue 19), and one at a time bounds the
 * memory and connections it takes here.
 */
@Processor(QueueName.IMPORT_DRY_RUNS, { concurrency: 1, lockDuration: 60_000 })
export class ImportDryRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportDryRunsProcessor.name);

  constructor(private readonly validator: ImportValidator) {
    super();
  }

  async process(job: Job<{ importId: string }>): Promise<unknown> {
    const name = jobOn(QueueName.IMPORT_DRY_RUNS, job.name);
    switch (name) {
      case JobName.DRY_RUN_IMPORT: {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outcome = await this.validator.validate(job.data.importId, finalAttempt);
        this.logger.log(`Dry run of import ${job.data.importId}: ${outcome}`);
        return { outcome };
      }
      default: {
        const unhandled: never = name;
        throw new Error(`No handler for job ${String(unhandled)} on queue ${QueueName.IMPORT_DRY_RUNS}`);
      }
    }
  }
}
