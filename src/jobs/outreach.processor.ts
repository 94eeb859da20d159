import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { CommitmentOverdueSweepService } from '../modules/commitments/commitment-overdue-sweep.service';
import { SlaSweepService } from '../modules/sla/sla-sweep.service';
import { JobName, jobOn, QueueName } from './job-names';

/** Sweeps that derive their work from the database, so a run lost while Redis was down is made up by the next. */
@Processor(QueueName.OUTREACH)
export class OutreachProcessor extends WorkerHost {
  private readonly logger = new Logger(OutreachProcessor.name);

  constructor(
    private readonly overdueCommitments: CommitmentOverdueSweepService,
    private readonly slaSweep: SlaSweepService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = jobOn(QueueName.OUTREACH, job.name);
    switch (name) {
      case JobName.COMMITMENT_OVERDUE_SWEEP: {
        const raised = await this.overdueCommitments.run();
        if (raised > 0) this.logger.log(`Raised ${raised} overdue-commitment notifications`);
        return { raised };
      }
      case JobName.SLA_SWEEP: {
        const result = await this.slaSweep.run();
        if (result.escalated + result.notified + result.reminded > 0) this.logger.log(`SLA sweep: ${JSON.stringify(result)}`);
        return result;
      }
      default: {
        const unhandled: never = name;
        throw new Error(`No handler for job ${String(unhandled)} on queue ${QueueName.OUTREACH}`);
      }
    }
  }
}
