import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { JobName, QueueName } from '../src/jobs/job-names';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { TestApp } from './support/test-app';

/** The API enqueues; a separate worker context, as in `node dist/src/worker.js`, consumes. */
describe('background jobs in a separate worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let outreachEvents: QueueEvents;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await t.startWorker();
    events = new QueueEvents(QueueName.MAINTENANCE, {
      connection: redisConnectionOptions(t.config.redisUrl),
      prefix: `${t.config.redisPrefix}:bull`,
    });
    outreachEvents = new QueueEvents(QueueName.OUTREACH, {
      connection: redisConnectionOptions(t.config.redisUrl),
      prefix: `${t.config.redisPrefix}:bull`,
    });
    await Promise.all([events.waitUntilReady(), outreachEvents.waitUntilReady()]);
  });
  afterAll(async () => {
    await events.close();
    await outreachEvents.close();
    await worker.close();
    await t.close();
  });

  it('registers the nightly session purge once, however many times the API starts', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.MAINTENANCE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([JobName.PURGE_EXPIRED_SESSIONS]);
  });

  it('purges expired refresh tokens and sessions ended long ago or left without tokens, keeps the rest, and is safe to run twice', async () => {
    const admin = await t.signInAdmin();
    // a: ended 31 days ago; b: its only token expired 2 days ago; c: ended yesterday; d: live.
    await t.dataSource.query(
      `INSERT INTO auth_sessions (id, user_id, created_at, ended_at, end_reason) VALUES
         ('00000000-0000-4000-8000-00000000000a', $1, now() - interval '40 days', now() - interval '31 days', 'LOGOUT'),
         ('00000000-0000-4000-8000-00000000000b', $1, now() - interval '40 days', NULL, NULL),
         ('00000000-0000-4000-8000-00000000000c', $1, now() - interval '2 days', now() - interval '1 day', 'LOGOUT'),
         ('00000000-0000-4000-8000-00000000000d', $1, now() - interval '2 days', NULL, NULL)`,
      [admin.id],
    );
    await t.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, session_id, token_hash, expires_at, used_at) VALUES
         ($1, '00000000-0000-4000-8000-00000000000a', repeat('a', 64), now() + interval '2 days', NULL),
         ($1, '00000000-0000-4000-8000-00000000000b', repeat('b', 64), now() - interval '2 days', NULL),
         ($1, '00000000-0000-4000-8000-00000000000c', repeat('c', 64), now() + interval '2 days', NULL),
         ($1, '00000000-0000-4000-8000-00000000000d', repeat('d', 64), now() + interval '2 days', now() - interval '1 day'),
         ($1, '00000000-0000-4000-8000-00000000000d', repeat('e', 64), now() + interval '29 days', NULL)`,
      [admin.id],
    );
    const queue = t.app.get<Queue>(getQueueToken(QueueName.MAINTENANCE));
    const first = await queue.add(JobName.PURGE_EXPIRED_SESSIONS, {});
    expect(await first.waitUntilFinished(events, 20_000)).toEqual({ tokens: 1, sessions: 2 });
    const sessions = (await t.dataSource.query(`SELECT id FROM auth_sessions WHERE id::text LIKE '00000000-%' ORDER BY id`)).map((r: any) => r.id.at(-1));
    expect(sessions).toEqual(['c', 'd']);
    const hashes = (await t.dataSource.query(`SELECT token_hash FROM refresh_tokens`)).map((r: any) => r.token_hash[0]);
    expect(hashes).toEqual(expect.arrayContaining(['c', 'd', 'e']));
    expect(hashes).not.toContain('a');
    expect(hashes).not.toContain('b');

    const second = await queue.add(JobName.PURGE_EXPIRED_SESSIONS, {});
    expect(await second.waitUntilFinished(events, 20_000)).toEqual({ tokens: 0, sessions: 0 });
  });

  it('notifies owners of overdue commitments once, however often the sweep runs', async () => {
    const admin = await t.signInAdmin();
    const crisis = await makeCrisis(t.dataSource);
    const stakeholder = await makeStakeholder(t.dataSource);
    const recoveryCase = await makeCase(t.dataSource, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: admin.id });
    await t.dataSource.query(
      `INSERT INTO commitments (stakeholder_id, case_id, description, party, owner_user_id, due_on, created_by_id) VALUES
         ($1, $2, 'Replace the failed units', 'OURS', $3, current_date - 3, $3),
         ($1, $2, 'Send the root-cause report', 'OURS', $3, current_date + 3, $3)`,
      [stakeholder.id, recoveryCase.id, admin.id],
    );
    const queue = t.app.get<Queue>(getQueueToken(QueueName.OUTREACH));
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(expect.arrayContaining([JobName.COMMITMENT_OVERDUE_SWEEP, JobName.SLA_SWEEP]));

    const first = await queue.add(JobName.COMMITMENT_OVERDUE_SWEEP, {});
    expect(await first.waitUntilFinished(outreachEvents, 20_000)).toEqual({ raised: 1 });
    const second = await queue.add(JobName.COMMITMENT_OVERDUE_SWEEP, {});
    expect(await second.waitUntilFinished(outreachEvents, 20_000)).toEqual({ raised: 0 });
    const rows = await t.dataSource.query(`SELECT user_id, kind, body FROM notifications WHERE kind = 'COMMITMENT_OVERDUE'`);
    expect(rows).toEqual([{ user_id: admin.id, kind: 'COMMITMENT_OVERDUE', body: expect.stringContaining('Replace the failed units') }]);
  });
});
