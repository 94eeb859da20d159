import { getQueueToken } from '@nestjs/bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { QueryRunner } from 'typeorm';
import { JobName, QueueName } from '../src/jobs/job-names';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { SlaSweepService } from '../src/modules/sla/sla-sweep.service';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { SignedIn, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const CASES = 12;

/** The real worker entry point (src/worker.ts) in a process of its own, as `npm run worker` starts it. */
async function startWorker(t: TestApp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/worker.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker started')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, attempts = 300): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * A worker killed (SIGKILL) in the middle of an SLA sweep, then a fresh worker and a
 * concurrent sweep: every breach is escalated and notified exactly once.
 */
describe('a worker killed mid-sweep', () => {
  let t: TestApp;
  let owner: SignedIn;
  let caseIds: string[];
  let workers: ChildProcess[] = [];
  let events: QueueEvents;
  let blocker: QueryRunner | null = null;

  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM sla_escalations WHERE case_id = ANY($1)) AS escalations,
              (SELECT count(*)::int FROM notifications n JOIN sla_escalations e ON e.id = n.record_id WHERE e.case_id = ANY($1)) AS notifications`,
      [caseIds],
    );
    return row as { escalations: number; notifications: number };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    owner = await t.signInAs(UserRole.AGENT);
    const crisis = await makeCrisis(t.dataSource);
    caseIds = [];
    for (let i = 0; i < CASES; i += 1) {
      const stakeholder = await makeStakeholder(t.dataSource, { ownerId: owner.id });
      caseIds.push((await makeCase(t.dataSource, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: owner.id })).id);
    }
    // Opened 6 hours ago with no contact: every case has breached its 4 golden hours.
    await t.dataSource.query(`UPDATE recovery_cases SET created_at = now() - interval '6 hours' WHERE id = ANY($1)`, [caseIds]);
    events = new QueueEvents(QueueName.OUTREACH, { connection: redisConnectionOptions(t.config.redisUrl), prefix: `${t.config.redisPrefix}:bull` });
    await events.waitUntilReady();
  }, 60_000);

  afterAll(async () => {
    if (blocker) await blocker.release().catch(() => undefined);
    for (const worker of workers) await kill(worker, 'SIGTERM');
    await events.close();
    await t.close();
  });

  it('leaves nothing half-done, and the next sweeps raise each escalation and notification exactly once', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.OUTREACH));
    const database = new URL(t.config.databaseUrl).pathname.slice(1);

    // Hold the notifications table so the sweep stops after inserting its escalations, mid-transaction.
    blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE notifications IN SHARE ROW EXCLUSIVE MODE`);

    const first = await startWorker(t);
    workers.push(first);
    await queue.add(JobName.SLA_SWEEP, {}, { attempts: 1 });
    const stuck = await until(async () => {
      const rows = await t.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO notifications%'`,
        [database],
      );
      return rows[0]?.pid as number | undefined;
    }, 'the sweep to block on the notifications table');

    await kill(first, 'SIGKILL');
    await blocker.commitTransaction();
    await blocker.release();
    blocker = null;
    // The orphaned backend finishes its statement, finds its client gone, and rolls back.
    await until(async () => {
      const rows = await t.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stuck]);
      return rows.length === 0;
    }, 'the killed worker’s transaction to end');
    expect(await counts()).toEqual({ escalations: 0, notifications: 0 });

    // A fresh worker, and a sweep in the API process at the same time.
    const second = await startWorker(t);
    workers.push(second);
    const job = await queue.add(JobName.SLA_SWEEP, {});
    const [fromWorker] = await Promise.all([job.waitUntilFinished(events, 30_000), t.app.get(SlaSweepService).run()]);
    expect(fromWorker).toEqual(expect.objectContaining({ escalated: expect.any(Number) }));
    const again = await queue.add(JobName.SLA_SWEEP, {});
    await again.waitUntilFinished(events, 30_000);

    expect(await counts()).toEqual({ escalations: CASES, notifications: CASES });
    const perCase = await t.dataSource.query(
      `SELECT e.case_id, count(n.id)::int AS n FROM sla_escalations e JOIN notifications n ON n.record_id = e.id
        WHERE e.case_id = ANY($1) AND n.user_id = $2 GROUP BY e.case_id`,
      [caseIds, owner.id],
    );
    expect(perCase).toHaveLength(CASES);
    expect(perCase.every((r: { n: number }) => r.n === 1)).toBe(true);
  }, 120_000);
});
