import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { JobName, QueueName } from '../src/jobs/job-names';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { WorkerModule } from '../src/worker.module';
import { TestApp } from './support/test-app';

/** The API enqueues; a separate worker context, as in `node dist/src/worker.js`, consumes. */
describe('background jobs in a separate worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let events: QueueEvents;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: ['error'] });
    events = new QueueEvents(QueueName.MAINTENANCE, {
      connection: redisConnectionOptions(t.config.redisUrl),
      prefix: `${t.config.redisPrefix}:bull`,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await worker.close();
    await t.close();
  });

  it('registers the nightly session purge once, however many times the API starts', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.MAINTENANCE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([JobName.PURGE_EXPIRED_SESSIONS]);
  });

  it('purges expired and long-revoked refresh tokens, keeps the rest, and is safe to run twice', async () => {
    const admin = await t.signInAdmin();
    await t.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, revoked_at) VALUES
         ($1, gen_random_uuid(), repeat('a', 64), now() - interval '2 days', NULL),
         ($1, gen_random_uuid(), repeat('b', 64), now() + interval '2 days', now() - interval '31 days'),
         ($1, gen_random_uuid(), repeat('c', 64), now() + interval '2 days', now() - interval '1 day')`,
      [admin.id],
    );
    const queue = t.app.get<Queue>(getQueueToken(QueueName.MAINTENANCE));
    const live = await t.rowCount('refresh_tokens');

    const first = await queue.add(JobName.PURGE_EXPIRED_SESSIONS, {});
    expect(await first.waitUntilFinished(events, 20_000)).toEqual({ deleted: 2 });
    expect(await t.rowCount('refresh_tokens')).toBe(live - 2);
    const hashes = (await t.dataSource.query(`SELECT token_hash FROM refresh_tokens`)).map((r: any) => r.token_hash[0]);
    expect(hashes).toContain('c');

    const second = await queue.add(JobName.PURGE_EXPIRED_SESSIONS, {});
    expect(await second.waitUntilFinished(events, 20_000)).toEqual({ deleted: 0 });
  });
});
