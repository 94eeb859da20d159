import { INestApplicationContext } from '@nestjs/common';
import { request as httpRequest, ClientRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { PerUserSlots } from '../src/common/concurrency/per-user-slots';
import { uploadCsv } from './support/import-operations';
import { SignedIn, TestApp } from './support/test-app';

/**
 * Issue 19, "High": one signed-in person must not be able to take the service down with a CSV
 * upload or with slow clients. Against the real server on 127.0.0.1, with bounded loops.
 */
describe('upload and slow-client limits', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let port: number;

  beforeAll(async () => {
    t = await TestApp.start({ maxUploadsPerUser: 12 });
    worker = await t.startWorker();
    admin = await t.signInAdmin();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  /** Milliseconds a one-row GraphQL query takes. */
  const oneRowQuery = async (): Promise<number> => {
    const begun = Date.now();
    const answer = await t.gql(`{ imports(first: 1) { totalCount } }`, {}, admin.token);
    expect(answer.errors).toBeUndefined();
    return Date.now() - begun;
  };

  it('answers a file of one row with a million empty columns at once, and its dry run rejects that row, not the file', async () => {
    const head = 'external_ref,kind,name';
    const csv = `${head}\nOK-1,CUSTOMER,Fine\n${','.repeat(1_000_000)}\nOK-2,CUSTOMER,Also Fine\nX-1,CUSTOMER,Too,Many\nOK-3,CUSTOMER,Last\n`;
    const begun = Date.now();
    const upload = await uploadCsv(t, admin.token, csv, {}, 'wide.csv', { waitForDryRun: false });
    expect(upload).toMatchObject({ status: 201, body: { import: { status: 'UPLOADED', dryRun: null } } });
    // The upload only stored bytes: it answers well before any parser could have built the row.
    expect(Date.now() - begun).toBeLessThan(5_000);
    const done = await uploadCsvDryRun(upload.body.import.id);
    expect(done.status).toBe('VALIDATED');
    expect(done.dryRun).toMatchObject({ rowsTotal: 5, rowsRejected: 2 });
    expect(done.dryRun.firstErrors).toEqual([
      { line: 3, column: null, reason: 'the row has more than 500 fields (IMPORT_MAX_FIELDS)' },
      { line: 5, column: null, reason: 'the row has 4 fields; the header has 3' },
    ]);
  });

  it('refuses a header with more columns than IMPORT_MAX_FIELDS at upload', async () => {
    const header = Array.from({ length: 501 }, (_, i) => `c${i}`).join(',');
    const upload = await uploadCsv(t, admin.token, `${header}\n1\n`, {}, 'wide-header.csv', { waitForDryRun: false });
    expect(upload).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('IMPORT_MAX_FIELDS') } } });
  });

  it('keeps answering within 1 s while ten uploads trickle in at 2 KB/s, holding no database connection or transaction', async () => {
    const boundary = '----regain-slow';
    const uploads: ClientRequest[] = [];
    const answers: Promise<number>[] = [];
    for (let i = 0; i < 10; i += 1) {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/imports',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      answers.push(new Promise((resolve) => req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', () => resolve(0))));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow-${i}.csv"\r\nContent-Type: text/csv\r\n\r\nexternal_ref,kind,name\n`);
      uploads.push(req);
    }
    const slowest: number[] = [];
    const held: number[] = [];
    // Bounded: 8 rounds of 500 ms, each sending 1 KB per upload (2 KB/s), then the uploads end.
    for (let round = 0; round < 8; round += 1) {
      for (const [i, req] of uploads.entries()) req.write(`SLOW-${i}-${round},CUSTOMER,${'x'.repeat(1000)}\n`);
      slowest.push(await oneRowQuery());
      const [activity] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_transaction,
                count(*) FILTER (WHERE query LIKE '%import_file_chunks%' AND state <> 'idle')::int AS storing
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      held.push(activity.idle_in_transaction + activity.storing);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const req of uploads) req.end(`\r\n--${boundary}--\r\n`);
    expect(await Promise.all(answers)).toEqual(Array(10).fill(201));
    expect(Math.max(...slowest)).toBeLessThan(1_000);
    // While the bytes arrive no connection sits in a transaction waiting for them.
    expect(held).toEqual(Array(8).fill(0));
  }, 60_000);

  it('lets one person hold at most MAX_UPLOADS_PER_USER / MAX_EXPORTS_PER_USER slots, shared through Redis, and frees one when it ends', async () => {
    const slots = t.app.get(PerUserSlots);
    const held = await Promise.all(Array.from({ length: t.config.maxExportsPerUser }, () => slots.take('export', admin.id)));
    await expect(slots.take('export', admin.id)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('MAX_EXPORTS_PER_USER') });
    // Another person, and another kind of slot, are not affected.
    const other = await slots.take('export', randomUUID());
    const upload = await slots.take('upload', admin.id);
    await held[0]();
    await held[0](); // giving a slot back twice frees it once
    const again = await slots.take('export', admin.id);
    await expect(slots.take('export', admin.id)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    for (const release of [...held.slice(1), again, other, upload]) await release();
  });

  it('gives the API connections a statement timeout and an idle-in-transaction timeout', async () => {
    const [row] = await t.dataSource.query(`SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`);
    expect(row).toEqual({ statement: '30s', idle: '1min' });
    const slow = await t.dataSource.query(`SET LOCAL statement_timeout = '100ms'; SELECT pg_sleep(1)`).then(() => 'finished', (e: Error) => e.message);
    expect(slow).toContain('statement timeout');
  });

  async function uploadCsvDryRun(id: string) {
    const { waitForDryRunOf } = await import('./support/import-operations');
    return waitForDryRunOf(t, admin.token, id);
  }
});
