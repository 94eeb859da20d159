import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { QueueName } from '../src/jobs/job-names';
import { UserRole } from '../src/modules/users/user-role.enum';
import { OPEN_CASE, openCaseInput } from './support/case-operations';
import { makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { LOG_INTERACTION } from './support/outreach-operations';
import { SessionService } from '../src/modules/auth/session.service';
import { isRefusedConnection, RefusedConnections, silenceRefusedConnections } from './support/refused-connections';
import { errorCode, SignedIn, TestApp } from './support/test-app';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A Redis of this test's own, so stopping it disturbs no other suite. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    redis.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return redis;
}

async function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = once(redis, 'exit');
  redis.kill('SIGKILL');
  await exited;
}

/** While its Redis is stopped, the API still takes cases and interactions and says so on /health. */
describe('the API while Redis is down', () => {
  let port: number;
  let redis: ChildProcess;
  let t: TestApp;
  let agent: SignedIn;
  let refused: RefusedConnections;

  beforeAll(async () => {
    port = await freePort();
    // Refusals by this suite's stopped Redis are expected; every other console.error still prints.
    refused = silenceRefusedConnections(port);
    redis = await startRedis(port);
    t = await TestApp.start({ redisUrl: `redis://127.0.0.1:${port}` });
    agent = await t.signInAs(UserRole.AGENT);
  });
  afterAll(async () => {
    await t.close();
    await stopRedis(redis);
    refused.restore();
  });

  it('silences only refused connections to its own Redis', () => {
    const refusal = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED', port });
    expect(isRefusedConnection(refusal, port)).toBe(true);
    expect(isRefusedConnection(`[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:${port}`, port)).toBe(true);
    expect(isRefusedConnection({ ...refusal, code: 'ECONNRESET' }, port)).toBe(false);
    expect(isRefusedConnection({ code: 'ECONNREFUSED', port: 5432 }, port)).toBe(false);
    expect(isRefusedConnection(`connect ECONNREFUSED 127.0.0.1:${port}1`, port)).toBe(false);
    expect(isRefusedConnection(new Error('relation "recovery_cases" does not exist'), port)).toBe(false);
    expect(isRefusedConnection(undefined, port)).toBe(false);
  });

  it('opens cases and logs interactions, reports Redis down on /health, and recovers when Redis is back', async () => {
    const health = () => t.app.inject({ method: 'GET', url: '/health' });
    expect((await health()).statusCode).toBe(200);
    const crisis = await makeCrisis(t.dataSource);
    const stakeholder = await makeStakeholder(t.dataSource, { ownerId: agent.id });
    const contact = await makeContact(t.dataSource, stakeholder.id);

    await stopRedis(redis);

    const down = await health();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', database: 'up', redis: 'down' });

    const opened = await t.ok(OPEN_CASE, { input: openCaseInput(crisis.id, stakeholder.id) }, agent.token);
    const caseId: string = opened.openCase.id;
    const logged = await t.ok(
      LOG_INTERACTION,
      {
        input: {
          caseId,
          contactId: contact.id,
          channel: 'PHONE',
          direction: 'OUTBOUND',
          occurredAt: new Date().toISOString(),
          summary: 'Called while the job queue was down; explained the replacement plan.',
          outcome: 'REACHED',
        },
      },
      agent.token,
    );
    expect(logged.logInteraction).toMatchObject({ caseId, direction: 'OUTBOUND' });
    const [row] = await t.dataSource.query(`SELECT status FROM recovery_cases WHERE id = $1`, [caseId]);
    expect(row.status).toBe('CONTACTED');
    expect((await t.ok(`query ($id: ID!) { recoveryCase(id: $id) { sla { goldenHours { state } } } }`, { id: caseId }, agent.token))
      .recoveryCase.sla.goldenHours.state).toBe('MET');

    // Sign-in fails closed: without Redis the brute-force limits cannot be counted, so it is refused.
    const login = await t.gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: agent.email, password: 'user-password-for-tests' },
    });
    expect(login.data?.login ?? null).toBeNull();
    expect(errorCode(login)).toBe('RATE_LIMITED');
    expect(login.errors![0].message).toContain('try again');

    // An API instance (re)started while Redis is down still boots and serves.
    const cold = await TestApp.start({ redisUrl: `redis://127.0.0.1:${port}` });
    try {
      expect((await cold.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
      // Sign-in needs Redis (fails closed), so the access token is issued directly.
      const [coldAgent] = await cold.dataSource.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ('cold-agent@regain.test', 'Cold Agent', 'AGENT', 'unused') RETURNING id`,
      );
      const { accessToken: token } = await cold.app.get(SessionService).startFor(coldAgent.id);
      const coldCrisis = await makeCrisis(cold.dataSource);
      const coldStakeholder = await makeStakeholder(cold.dataSource, { ownerId: coldAgent.id });
      const coldCase = await cold.ok(OPEN_CASE, { input: openCaseInput(coldCrisis.id, coldStakeholder.id) }, token);
      expect(coldCase.openCase.id).toEqual(expect.any(String));
    } finally {
      redis = await startRedis(port);
      // Let its queues reconnect (and register the schedules they were waiting to) before closing.
      await cold.app.get<Queue>(getQueueToken(QueueName.OUTREACH)).waitUntilReady();
      await cold.close();
    }

    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
      status = (await health()).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect(await t.login(agent.email, 'user-password-for-tests')).toEqual(expect.any(String));
  });
});
