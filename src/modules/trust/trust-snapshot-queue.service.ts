import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { JobName, QueueName } from '../../jobs/job-names';
import { TrustSnapshotJobData, trustSnapshotJobId } from './trust-snapshot-job';

/**
 * Hands a refresh to the worker rather than running it in the request: a full backfill over a
 * hundred thousand cases takes tens of seconds, longer than a request should hold a
 * connection, and the worker retries it. Nothing is written here, so there is no transaction to
 * wait for; the job id suppresses a duplicate while one is waiting or running, and the job is
 * removed when done so the next request queues again.
 */
@Injectable()
export class TrustSnapshotQueueService {
  constructor(
    @InjectQueue(QueueName.TRUST) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async enqueue(data: TrustSnapshotJobData): Promise<{ jobId: string; queued: boolean }> {
    if (data.crisisId) {
      const [found] = await this.dataSource.query(`SELECT 1 FROM crises WHERE id = $1`, [data.crisisId]);
      if (!found) throw AppException.notFound('Crisis', data.crisisId);
    }
    const jobId = trustSnapshotJobId(data);
    const existing = await this.queue.getJob(jobId);
    const state = existing ? await existing.getState() : null;
    if (existing && state !== 'completed' && state !== 'failed') return { jobId, queued: false };
    if (existing) await existing.remove();
    await this.queue.add(JobName.TRUST_SNAPSHOTS, data, { jobId, removeOnComplete: true });
    return { jobId, queued: true };
  }
}
