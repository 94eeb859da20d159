import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { parse } from 'csv-parse/sync';
import { guardFormula, guardFormulaSql } from '../src/common/csv/csv-formula-guard';
import { JobName, QueueName } from '../src/jobs/job-names';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { makeCrisis, makeStakeholder, uniqueSuffix } from './support/factories';
import { rejectedCsv, startImport, uploadCsv, waitForImport } from './support/import-operations';
import { SignedIn, TestApp } from './support/test-app';

/** The rejected-rows file's formula guard, the cleanup of staging tables nobody will read, and cancelling. */
describe('import maintenance', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let admin: SignedIn;

  const ds = () => t.dataSource;
  const stageOf = (id: string) => `import_stage_${id.replace(/-/g, '')}`;
  const stageExists = async (id: string) =>
    (await ds().query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [stageOf(id)]))[0].exists as boolean;
  const importFile = async (csv: string, fields: Record<string, string> = {}) => {
    const upload = await uploadCsv(t, admin.token, csv, fields);
    expect(upload.status).toBe(201);
    await startImport(t, admin.token, upload.body.import.id);
    return waitForImport(t, admin.token, upload.body.import.id);
  };

  beforeAll(async () => {
    t = await TestApp.start({ importStageIdleHours: 2 });
    worker = await t.startWorker();
    events = new QueueEvents(QueueName.IMPORTS, { connection: redisConnectionOptions(t.config.redisUrl), prefix: `${t.config.redisPrefix}:bull` });
    await events.waitUntilReady();
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await events.close();
    await worker.close();
    await t.close();
  });

  it('guards formula-like cells of the rejected-rows file as the exports do, and the fixed file re-imports to the original values', async () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const csv = `external_ref,kind,name,segment,time_zone\nG-1,CUSTOMER,"${formula.replace(/"/g, '""')}",-2,Nowhere/Land\n@G-2,CUSTOMER,+cmd|' /C calc'!A0,Retail,Mars/Olympus\n`;
    const done = await importFile(csv);
    expect(done.result.rowsRejected).toBe(2);
    const file = await rejectedCsv(t, admin.token, done.id);
    const rejected = parse(file.body, { columns: true }) as Record<string, string>[];
    expect(rejected.map((r) => [r.external_ref, r.name, r.segment, r.time_zone, r.error_line, r.error_column])).toEqual([
      ['G-1', `'${formula}`, '-2', 'Nowhere/Land', '2', 'time_zone'],
      ["'@G-2", "'+cmd|' /C calc'!A0", 'Retail', 'Mars/Olympus', '3', 'time_zone'],
    ]);

    const fixed = file.body.replace('Nowhere/Land', 'Europe/Berlin').replace('Mars/Olympus', 'Asia/Tokyo');
    const again = await importFile(fixed);
    expect(again.result.rowsRejected).toBe(0);
    const stored = await ds().query(`SELECT external_ref, name, segment FROM stakeholders WHERE external_ref IN ('G-1', '@G-2') ORDER BY external_ref`);
    expect(stored).toEqual([
      { external_ref: '@G-2', name: "+cmd|' /C calc'!A0", segment: 'Retail' },
      { external_ref: 'G-1', name: formula, segment: '-2' },
    ]);
  });

  it('guards in SQL exactly as guardFormula does', async () => {
    const cells = ['=1+1', '+cmd', '-2', '-1+1', '+49 30 1234567', '+1 (555) 010-9999', '@SUM(A1)', '\tTab', '\rCR', "'=already", "''@twice", 'plain', "O'Brien", 'a=b', '-', '', '- dash'];
    const sql = await ds().query(`SELECT c, ${guardFormulaSql('c')} AS guarded FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n) ORDER BY n`, [cells]);
    expect(sql.map((r: any) => r.guarded)).toEqual(cells.map(guardFormula));
  });

  it('drops, hourly on the imports queue, the staging tables of imports left unstarted and those left behind; an idle import still runs later', async () => {
    const imports = t.app.get<Queue>(getQueueToken(QueueName.IMPORTS));
    expect((await imports.getJobSchedulers()).map((s) => s.key)).toEqual([JobName.DROP_IDLE_IMPORT_STAGES]);

    const stakeholder = await makeStakeholder(ds(), { externalRef: `STAGE-${uniqueSuffix()}` });
    const revenue = `external_ref,month,amount_minor,currency\n${stakeholder.externalRef},2026-10,4200,EUR\n`;
    const idle = (await uploadCsv(t, admin.token, revenue, { kind: 'REVENUE' })).body.import;
    const fresh = (await uploadCsv(t, admin.token, `external_ref,kind,name\nSTAGE-FRESH,CUSTOMER,Fresh\n`)).body.import;
    const finished = await importFile(`external_ref,kind,name\nSTAGE-DONE,CUSTOMER,Done\n`);
    expect([await stageExists(idle.id), await stageExists(fresh.id), await stageExists(finished.id)]).toEqual([true, true, false]);
    // Three hours unstarted (the suite's IMPORT_STAGE_IDLE_HOURS is 2); a stage a crashed run left behind; one with no import at all.
    await ds().query(`UPDATE imports SET updated_at = now() - interval '3 hours' WHERE id = $1`, [idle.id]);
    await ds().query(`CREATE UNLOGGED TABLE ${stageOf(finished.id)} (line integer)`);
    const orphan = `import_stage_${'ab'.repeat(16)}`;
    await ds().query(`CREATE UNLOGGED TABLE ${orphan} (line integer)`);
    await ds().query(`CREATE TABLE import_stage_notes (line integer)`);

    const first = await imports.add(JobName.DROP_IDLE_IMPORT_STAGES, {});
    expect(await first.waitUntilFinished(events, 20_000)).toEqual({ dropped: 3 });
    expect([await stageExists(idle.id), await stageExists(fresh.id), await stageExists(finished.id)]).toEqual([false, true, false]);
    expect((await ds().query(`SELECT to_regclass($1) AS t`, [orphan]))[0].t).toBeNull();
    expect((await ds().query(`SELECT to_regclass('import_stage_notes') IS NOT NULL AS kept`))[0].kept).toBe(true);
    const rows = await ds().query(`SELECT id, status, staged_rows FROM imports WHERE id = ANY($1::uuid[]) ORDER BY created_at`, [[idle.id, fresh.id]]);
    expect(rows).toEqual([
      { id: idle.id, status: 'VALIDATED', staged_rows: null },
      { id: fresh.id, status: 'VALIDATED', staged_rows: 1 },
    ]);

    const second = await imports.add(JobName.DROP_IDLE_IMPORT_STAGES, {});
    expect(await second.waitUntilFinished(events, 20_000)).toEqual({ dropped: 0 });

    // Started a day later, it reads the stored file again.
    await startImport(t, admin.token, idle.id);
    const done = await waitForImport(t, admin.token, idle.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', result: { rowsTotal: 1, rowsRejected: 0 } });
    expect(await ds().query(`SELECT amount_minor FROM stakeholder_revenue_months WHERE stakeholder_id = $1`, [stakeholder.id])).toEqual([{ amount_minor: '4200' }]);
  });

  it('cancels a validated survey import, dropping its staging table and writing nothing', async () => {
    const crisis = await makeCrisis(ds());
    const upload = await uploadCsv(t, admin.token, `external_ref,kind,score,responded_at\nX-1,NPS,3,2026-11-30T10:00:00Z\n`, { kind: 'SURVEYS', crisisId: crisis.id });
    expect(upload.body.import.dryRun.rowsRejected).toBe(1);
    expect(await stageExists(upload.body.import.id)).toBe(true);
    const before = await t.rowCount('survey_responses');
    const cancelled = await t.ok(`mutation ($id: ID!) { cancelImport(id: $id) { status } }`, { id: upload.body.import.id }, admin.token);
    expect(cancelled.cancelImport.status).toBe('CANCELLED');
    expect(await stageExists(upload.body.import.id)).toBe(false);
    expect(await t.rowCount('survey_responses')).toBe(before);
  });
});
