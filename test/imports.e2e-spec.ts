import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserRole } from '../src/modules/users/user-role.enum';
import { ImportRunner } from '../src/modules/imports/import-runner.service';
import { STAKEHOLDER_CSV_HEADERS } from '../src/modules/imports/stakeholder-csv-columns';
import { CrisisSeverity } from '../src/modules/crises/crisis.enums';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { CREATE_CADENCE, SET_MATRIX } from './support/cadence-operations';
import { makeCrisis, makeStakeholder } from './support/factories';
import { countsOf, getImport, IMPORT_FIELDS, rejectedCsv, startImport, uploadCsv, waitForDryRunOf, waitForImport } from './support/import-operations';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'imports', name));
const HEAD = 'external_ref,kind,name,owner_email,contact_name,contact_email,case_impact,case_estimated_loss_minor,case_loss_currency,case_owner_email';

/** Through POST /imports and GraphQL, with a separate worker consuming the imports queue. */
describe('stakeholder CSV imports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  /** The matrix's cadence for a CRITICAL crisis and HIGH impact (two steps); other crises here are SEVERE, without a matrix. */
  let highCadenceId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await t.startWorker();
    admin = await t.signInAdmin();
    const steps = [{ offset: 'PT4H', channel: 'PHONE', action: 'CALL', templateId: null }, { offset: 'P2D', channel: 'EMAIL', action: 'EMAIL', templateId: null }];
    highCadenceId = (await t.ok(CREATE_CADENCE, { input: { name: 'Import high impact', steps } }, admin.token)).createCadence.id;
    await t.ok(SET_MATRIX, { severity: CrisisSeverity.CRITICAL, impact: 'HIGH', cadenceId: highCadenceId }, admin.token);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const importFile = async (token: string, csv: string | Buffer, fields: Record<string, string> = {}) => {
    const upload = await uploadCsv(t, token, csv, fields);
    expect(upload.status).toBe(201);
    const started = await startImport(t, token, upload.body.import.id);
    expect(started.errors).toBeUndefined();
    return { upload: upload.body.import, done: await waitForImport(t, token, upload.body.import.id) };
  };
  const stakeholder = async (ref: string) => (await t.dataSource.query(`SELECT * FROM stakeholders WHERE external_ref = $1`, [ref]))[0];
  const contactsOf = async (ref: string) =>
    t.dataSource.query(`SELECT c.* FROM contacts c JOIN stakeholders s ON s.id = c.stakeholder_id WHERE s.external_ref = $1 ORDER BY c.name`, [ref]);

  it('reads a CRM export with a BOM, ";" separators, quoted and multi-line fields, synonyms and an unknown column', async () => {
    const upload = await uploadCsv(t, admin.token, fixture('crm-export-semicolon-bom.csv'), {}, 'crm.csv');
    expect(upload.status).toBe(201);
    const dry = upload.body.import;
    expect(dry).toMatchObject({ status: 'VALIDATED', delimiter: ';', fileName: 'crm.csv' });
    expect(dry.dryRun.mapping.slice(0, 3)).toEqual([
      { header: 'Customer ID', column: 'external_ref' },
      { header: 'Kind', column: 'kind' },
      { header: 'Name', column: 'name' },
    ]);
    expect(dry.dryRun.unknownHeaders).toEqual(['Loyalty Score']);
    expect(dry.dryRun.rowsTotal).toBe(4);
    expect(dry.dryRun.firstErrors).toEqual([{ line: 6, column: 'time_zone', reason: expect.stringContaining('Mars/Olympus') }]);
    expect(countsOf(dry.dryRun.counts)).toMatchObject({ stakeholdersCreated: 2, contactsCreated: 2 });
    expect(await stakeholder('CRM-001')).toBeUndefined(); // the dry run changed nothing

    await startImport(t, admin.token, dry.id);
    const done = await waitForImport(t, admin.token, dry.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(countsOf(done.result.counts)).toMatchObject({ stakeholdersCreated: 2, contactsCreated: 2 });
    expect(await stakeholder('CRM-001')).toMatchObject({ name: 'Müller; Söhne GmbH', tier: 'KEY', time_zone: 'Europe/Berlin' });
    expect((await stakeholder('CRM-002')).name).toBe('The "Quoted" Shop');
    expect((await contactsOf('CRM-001')).map((c: any) => [c.name, c.title])).toEqual([
      ['Anna Müller', 'Head of\r\nProcurement'],
      ['Ben Müller', 'CFO'],
    ]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [(await stakeholder('CRM-001')).id]);
    expect(audit.map((a: any) => a.action)).toEqual(['STAKEHOLDER_CREATED']);
    // Time-ordered ids (version 7), so that a large import appends to the id-keyed indexes.
    expect((await stakeholder('CRM-001')).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((await contactsOf('CRM-001'))[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    // finished_at is when the run ended, not when its transaction began (when the audit entries were stamped).
    const [times] = await t.dataSource.query(
      `SELECT i.started_at <= i.finished_at AS ordered,
              i.finished_at > (SELECT max(occurred_at) FROM audit_entries WHERE after->>'importId' = i.id::text) AS after_writes
       FROM imports i WHERE i.id = $1`,
      [dry.id],
    );
    expect(times).toEqual({ ordered: true, after_writes: true });
  });

  it('rejects every kind of bad value with its line, column and reason, and imports the good rows', async () => {
    const rows = [
      'R-OK,CUSTOMER,Good One,,,,,,,',
      ',CUSTOMER,No Ref,,,,,,,',
      'R-2,SUPPLIER,Bad Kind,,,,,,,',
      'R-3,CUSTOMER,,,,,,,,',
      'R-4,CUSTOMER,Bad Owner,nobody@regain.test,,,,,,',
      'R-5,CUSTOMER,Bad Contact,,Zed,not-an-email,,,,',
      'R-6,CUSTOMER,Contact No Name,,,ann@x.test,,,,',
      'R-7,CUSTOMER,' + 'x'.repeat(201) + ',,,,,,,',
    ];
    const csv = `${HEAD.split(',').slice(0, 6).join(',')},tier,do_not_contact,baseline_monthly_revenue_minor,baseline_currency,contract_reference,contract_end_date\n` +
      rows.map((r) => r.split(',').slice(0, 6).join(',') + ',,,,,,').join('\n') +
      '\nR-8,CUSTOMER,Bad Tier,,,,GOLD,,,,,\nR-9,CUSTOMER,Bad Flag,,,,,maybe,,,,\nR-10,CUSTOMER,Bad Money,,,,,,12.50,EUR,,\n' +
      'R-11,CUSTOMER,Bad Currency,,,,,,100,EURO,,\nR-12,CUSTOMER,Money No Currency,,,,,,100,,,\n' +
      'R-13,CUSTOMER,Customer Contract,,,,,,,,K-1,\nR-14,PARTNER,Bad Date,,,,,,,,K-2,2027-02-30\nR-OK2,PARTNER,Good Two,,,,,,,,,\n"R-15,CUSTOMER,broken"quote,,\n';
    const { done } = await importFile(admin.token, csv);
    expect(done.status).toBe('SUCCEEDED');
    // csv-parse cannot resynchronise after a broken quote: the rest of the file is one more malformed record.
    expect(done.result).toMatchObject({ rowsRejected: 16 });
    expect(countsOf(done.result.counts).stakeholdersCreated).toBe(2);
    const file = await rejectedCsv(t, admin.token, done.id);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const lines = file.body.trim().split('\n');
    expect(lines[0]).toBe([...STAKEHOLDER_CSV_HEADERS, 'error_line', 'error_column', 'error_reason'].join(','));
    const reasons = Object.fromEntries(
      (await t.dataSource.query(`SELECT line, column_name, reason FROM import_rejected_rows WHERE import_id = $1`, [done.id])).map((r: any) => [
        r.line,
        `${r.column_name}: ${r.reason}`,
      ]),
    );
    expect(reasons).toMatchObject({
      3: 'external_ref: external_ref is required',
      4: expect.stringMatching(/^kind: kind "SUPPLIER" is not one of/),
      5: 'name: name is required',
      6: 'owner_email: owner_email nobody@regain.test is not a user of Regain',
      7: expect.stringMatching(/^contact_email: /),
      8: expect.stringMatching(/^contact_name: contact_name is required/),
      9: expect.stringMatching(/^name: name is 201 characters long/),
      10: expect.stringMatching(/^tier: /),
      11: expect.stringMatching(/^do_not_contact: /),
      12: expect.stringMatching(/^baseline_monthly_revenue_minor: .*whole number/),
      13: expect.stringMatching(/^baseline_currency: .*ISO 4217/),
      14: expect.stringMatching(/^baseline_currency: .*give both or neither/),
      15: expect.stringMatching(/^contract_reference: Only partners have a contract/),
      16: expect.stringMatching(/^contract_end_date: .*real date/),
      18: expect.stringMatching(/malformed/),
    });
    expect(await stakeholder('R-OK')).toBeDefined();
    expect(await stakeholder('R-2')).toBeUndefined();
  });

  it('refuses to start without the required columns until the mapping is edited', async () => {
    const upload = await uploadCsv(t, admin.token, 'Account,kind,Company name\nM-1,CUSTOMER,Mapped Co\n');
    const dry = upload.body.import;
    expect(dry.dryRun.missingRequired).toEqual(['external_ref']);
    const refused = await startImport(t, admin.token, dry.id);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const edited = await t.gql(
      `mutation ($id: ID!, $mapping: [ImportColumnMappingInput!]!) { updateImportMapping(id: $id, mapping: $mapping) { ${IMPORT_FIELDS} } }`,
      { id: dry.id, mapping: [{ header: 'Account', column: 'external_ref' }, { header: 'kind', column: 'kind' }, { header: 'Company name', column: 'name' }] },
      admin.token,
    );
    expect(edited.errors).toBeUndefined();
    // The new mapping's dry run is a worker job again.
    expect(edited.data!.updateImportMapping).toMatchObject({ status: 'UPLOADED', dryRun: null });
    expect((await waitForDryRunOf(t, admin.token, dry.id)).dryRun).toMatchObject({ missingRequired: [], rowsTotal: 1, rowsRejected: 0 });
    await startImport(t, admin.token, dry.id);
    expect((await waitForImport(t, admin.token, dry.id)).status).toBe('SUCCEEDED');
    expect((await stakeholder('M-1')).name).toBe('Mapped Co');
  });

  it('de-duplicates on external_ref within the file and against the database, skipping or updating', async () => {
    await makeStakeholder(t.dataSource, { externalRef: 'D-1', name: 'Old Name' });
    const csv = `external_ref,kind,name,contact_name,contact_email\nD-1,CUSTOMER,New Name,Cat,cat@d.test\nD-2,CUSTOMER,Twin,Dan,dan@d.test\nD-2,CUSTOMER,Twin,Eve,eve@d.test\nD-2,CUSTOMER,Other Twin,Fay,fay@d.test\nD-2,CUSTOMER,Twin,Dan again,DAN@d.test\n`;
    const skip = await importFile(admin.token, csv, { duplicateMode: 'SKIP' });
    expect(countsOf(skip.done.result.counts)).toMatchObject({ stakeholdersCreated: 1, stakeholdersUnchanged: 1, contactsCreated: 2, contactsUnchanged: 1 });
    expect((await stakeholder('D-1')).name).toBe('Old Name');
    expect(skip.done.result.rowsRejected).toBe(2);
    const reasons = await t.dataSource.query(`SELECT line, reason FROM import_rejected_rows WHERE import_id = $1 ORDER BY line`, [skip.done.id]);
    expect(reasons).toEqual([
      { line: 5, reason: 'external_ref D-2 appears on line 3 with a different name' },
      { line: 6, reason: 'the contact DAN@d.test is already on line 3 for external_ref D-2' },
    ]);

    const update = await importFile(admin.token, csv, { duplicateMode: 'UPDATE' });
    expect(countsOf(update.done.result.counts)).toMatchObject({ stakeholdersCreated: 0, stakeholdersUpdated: 1, contactsCreated: 1, contactsUnchanged: 2 });
    expect((await stakeholder('D-1')).name).toBe('New Name');
    expect((await contactsOf('D-2')).length).toBe(2);
  });

  it('imports the same file twice without changing anything the second time, and says so in the dry run', async () => {
    const crisis = await makeCrisis(t.dataSource);
    const agent = await t.signInAs(UserRole.AGENT);
    const csv = `${HEAD}\nS-1,CUSTOMER,Same Co,,Gus,gus@s.test,HIGH,50000,EUR,${agent.email}\nS-2,CUSTOMER,Same Two,,,,LOW,,USD,${agent.email}\n`;
    const first = await importFile(admin.token, csv, { crisisId: crisis.id, duplicateMode: 'UPDATE' });
    expect(countsOf(first.done.result.counts)).toMatchObject({ stakeholdersCreated: 2, casesOpened: 2, contactsCreated: 1 });
    const cases = await t.dataSource.query(`SELECT owner_id, estimated_loss_minor, impact FROM recovery_cases WHERE crisis_id = $1 ORDER BY impact`, [crisis.id]);
    expect(cases).toEqual([
      { owner_id: agent.id, estimated_loss_minor: '0', impact: 'LOW' },
      { owner_id: agent.id, estimated_loss_minor: '50000', impact: 'HIGH' },
    ]);
    const auditBefore = await t.rowCount('audit_entries');
    const updatedAt = (await stakeholder('S-1')).updated_at;

    const second = await importFile(admin.token, csv, { crisisId: crisis.id, duplicateMode: 'UPDATE' });
    expect(second.upload.dryRun.previouslyImported).toMatchObject([{ id: first.done.id, byEmail: admin.email }]);
    expect(countsOf(second.done.result.counts)).toMatchObject({
      stakeholdersCreated: 0, stakeholdersUpdated: 0, stakeholdersUnchanged: 2, contactsCreated: 0, contactsUpdated: 0, casesOpened: 0, casesAlreadyOpen: 2,
    });
    expect((await stakeholder('S-1')).updated_at).toEqual(updatedAt);
    const newAudit = await t.dataSource.query(`SELECT entity_type FROM audit_entries ORDER BY id OFFSET $1`, [auditBefore]);
    expect(new Set(newAudit.map((a: any) => a.entity_type))).toEqual(new Set(['IMPORT']));
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM recovery_cases WHERE crisis_id = $1`, [crisis.id])).toEqual([{ n: 2 }]);
  });

  it('opens cases with a round-robin over a team when no case owner is named', async () => {
    const crisis = await makeCrisis(t.dataSource);
    const [a, b] = [await t.signInAs(UserRole.AGENT), await t.signInAs(UserRole.AGENT)];
    const csv = `${HEAD}\n` + [1, 2, 3, 4].map((n) => `T-${n},CUSTOMER,Team ${n},,,,MEDIUM,100,EUR,`).join('\n') + '\n';
    const { done } = await importFile(admin.token, csv, { crisisId: crisis.id, caseOwnerTeamIds: `${a.id},${b.id}` });
    expect(countsOf(done.result.counts).casesOpened).toBe(4);
    const owners = await t.dataSource.query(
      `SELECT s.external_ref, c.owner_id FROM recovery_cases c JOIN stakeholders s ON s.id = c.stakeholder_id WHERE c.crisis_id = $1 ORDER BY s.external_ref`,
      [crisis.id],
    );
    expect(owners.map((o: any) => o.owner_id)).toEqual([a.id, b.id, a.id, b.id]);
  });

  it('enrols the cases it opens in the matrix cadence for the crisis severity and impact, as opening one case does', async () => {
    const crisis = await makeCrisis(t.dataSource, { severity: CrisisSeverity.CRITICAL });
    const agent = await t.signInAs(UserRole.AGENT);
    const csv = `${HEAD},do_not_contact\n` + [
      `E-1,CUSTOMER,Enrol High,,,,HIGH,100,EUR,${agent.email},false`,
      `E-2,CUSTOMER,Enrol Low,,,,LOW,100,EUR,${agent.email},false`,
      `E-3,CUSTOMER,Enrol High Two,,,,HIGH,100,EUR,${agent.email},false`,
      `E-4,CUSTOMER,Enrol High DNC,,,,HIGH,100,EUR,${agent.email},true`,
    ].join('\n') + '\n';
    const { done } = await importFile(admin.token, csv, { crisisId: crisis.id });
    expect(countsOf(done.result.counts)).toMatchObject({ casesOpened: 4, casesEnrolled: 2 });
    const enrolments = await t.dataSource.query(
      `SELECT s.external_ref, e.status, e.cadence_id, e.enrolled_by_id, (SELECT count(*)::int FROM outreach_tasks o WHERE o.enrolment_id = e.id AND o.status = 'OPEN' AND c.owner_id = $2) AS tasks
         FROM recovery_cases c JOIN stakeholders s ON s.id = c.stakeholder_id LEFT JOIN cadence_enrolments e ON e.case_id = c.id
        WHERE c.crisis_id = $1 ORDER BY s.external_ref`,
      [crisis.id, agent.id],
    );
    expect(enrolments).toEqual([
      { external_ref: 'E-1', status: 'ACTIVE', cadence_id: highCadenceId, enrolled_by_id: admin.id, tasks: 2 },
      { external_ref: 'E-2', status: null, cadence_id: null, enrolled_by_id: null, tasks: 0 },
      { external_ref: 'E-3', status: 'ACTIVE', cadence_id: highCadenceId, enrolled_by_id: admin.id, tasks: 2 },
      { external_ref: 'E-4', status: null, cadence_id: null, enrolled_by_id: null, tasks: 0 },
    ]);
    const audit = await t.dataSource.query(
      `SELECT a.after->>'by' AS by, a.after->>'tasks' AS tasks FROM audit_entries a JOIN cadence_enrolments e ON e.id = a.entity_id
        JOIN recovery_cases c ON c.id = e.case_id WHERE c.crisis_id = $1 AND a.action = 'CADENCE_ENROLLED'`,
      [crisis.id],
    );
    expect(audit).toEqual([{ by: 'MATRIX', tasks: '2' }, { by: 'MATRIX', tasks: '2' }]);
  });

  it('lets a rejected-rows file be fixed and uploaded again', async () => {
    const { done } = await importFile(admin.token, 'external_ref,kind,name,time_zone\nF-1,CUSTOMER,Fixable,Nowhere/Land\n');
    const file = await rejectedCsv(t, admin.token, done.id);
    const fixed = file.body.replace('Nowhere/Land', 'Asia/Tokyo');
    const again = await importFile(admin.token, fixed);
    expect(again.done.result.rowsRejected).toBe(0);
    expect((await stakeholder('F-1')).time_zone).toBe('Asia/Tokyo');
  });

  it('cancels a queued import at once and a running one by rolling everything back', async () => {
    const queued = await uploadCsv(t, admin.token, 'external_ref,kind,name\nQ-1,CUSTOMER,Queued\n');
    const cancelled = await t.gql(`mutation ($id: ID!) { cancelImport(id: $id) { status } }`, { id: queued.body.import.id }, admin.token);
    expect(cancelled.data!.cancelImport.status).toBe('CANCELLED');
    expect(errorCode(await startImport(t, admin.token, queued.body.import.id))).toBe('CONFLICT');

    // HIGH cases in a CRITICAL crisis: each merged batch also enrols its cases (the matrix), all of it rolled back.
    const crisis = await makeCrisis(t.dataSource, { severity: CrisisSeverity.CRITICAL });
    const agent = await t.signInAs(UserRole.AGENT);
    const big = 'external_ref,kind,name,contact_name,case_impact,case_loss_currency\n' +
      Array.from({ length: 60_000 }, (_, i) => `BIG-${i},CUSTOMER,Big ${i},Person ${i},HIGH,EUR`).join('\n') + '\n';
    const enrolmentsBefore = await t.rowCount('cadence_enrolments');
    const upload = await uploadCsv(t, admin.token, big, { crisisId: crisis.id, caseOwnerTeamIds: agent.id });
    const id = upload.body.import.id;
    await startImport(t, admin.token, id);
    for (;;) {
      const { data } = await getImport(t, admin.token, id);
      if (data!.import.status === 'RUNNING' && data!.import.progress.rowsDone > 0) break;
      expect(data!.import.status).not.toBe('SUCCEEDED');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const running = await t.gql(`mutation ($id: ID!) { cancelImport(id: $id) { status progress { cancelRequested rowsDone } } }`, { id }, admin.token);
    expect(running.data!.cancelImport).toMatchObject({ status: 'RUNNING', progress: { cancelRequested: true } });
    expect((await waitForImport(t, admin.token, id)).status).toBe('CANCELLED');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM stakeholders WHERE external_ref LIKE 'BIG-%'`)).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM recovery_cases WHERE crisis_id = $1`, [crisis.id])).toEqual([{ n: 0 }]);
    expect(await t.rowCount('cadence_enrolments')).toBe(enrolmentsBefore);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM outreach_tasks t JOIN recovery_cases c ON c.id = t.case_id WHERE c.owner_id = $1`, [agent.id])).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM import_rejected_rows WHERE import_id = $1`, [id])).toEqual([{ n: 0 }]);
  }, 120_000);

  it('re-stages when the staging table is gone, drops it when done, and is safe to run twice', async () => {
    const upload = await uploadCsv(t, admin.token, 'external_ref,kind,name\nW-1,CUSTOMER,Worker Safe\n');
    const id: string = upload.body.import.id;
    const stageTables = () =>
      t.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = $1`, [`import_stage_${id.replace(/-/g, '')}`]);
    expect(await stageTables()).toEqual([{ n: 1 }]);
    // A database crash empties unlogged tables; the run must notice and read the file again.
    await t.dataSource.query(`TRUNCATE import_stage_${id.replace(/-/g, '')}`);
    await startImport(t, admin.token, id);
    const done = await waitForImport(t, admin.token, id);
    expect(done.result.rowsTotal).toBe(1);
    expect(await stakeholder('W-1')).toBeDefined();
    expect(await stageTables()).toEqual([{ n: 0 }]);
    const auditBefore = await t.rowCount('audit_entries');
    expect(await t.app.get(ImportRunner).run(id)).toBe('SKIPPED');
    expect(await t.rowCount('audit_entries')).toBe(auditBefore);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM stakeholders WHERE external_ref = 'W-1'`)).toEqual([{ n: 1 }]);
  });

  it("reuses the dry run's checks when nothing they read changed, and checks again when something did", async () => {
    const checksReused = async (id: string) => (await t.dataSource.query(`SELECT result->'checksReused' AS reused FROM imports WHERE id = $1`, [id]))[0].reused;
    const unchanged = await importFile(admin.token, 'external_ref,kind,name\nK-1,CUSTOMER,Kept Checks\n');
    expect(await checksReused(unchanged.done.id)).toBe(true);
    expect(countsOf(unchanged.done.result.counts).stakeholdersCreated).toBe(1);

    // Between the dry run and the run: K-2 appears as a partner, and the owner named for K-3 is deactivated.
    const agent = await t.signInAs(UserRole.AGENT);
    const upload = await uploadCsv(t, admin.token, `external_ref,kind,name,owner_email\nK-2,CUSTOMER,Kind Changes,\nK-3,CUSTOMER,Owner Leaves,${agent.email}\n`);
    expect(upload.body.import.dryRun).toMatchObject({ rowsRejected: 0 });
    await makeStakeholder(t.dataSource, { externalRef: 'K-2', kind: StakeholderKind.PARTNER, name: 'Meanwhile a partner' });
    await t.dataSource.query(`UPDATE users SET is_active = false WHERE id = $1`, [agent.id]);
    await startImport(t, admin.token, upload.body.import.id);
    const done = await waitForImport(t, admin.token, upload.body.import.id);
    expect(await checksReused(done.id)).toBe(false);
    expect(done.result).toMatchObject({ rowsRejected: 2 });
    const reasons = await t.dataSource.query(`SELECT line, column_name AS column FROM import_rejected_rows WHERE import_id = $1 ORDER BY line`, [done.id]);
    expect(reasons).toEqual([{ line: 2, column: 'kind' }, { line: 3, column: 'owner_email' }]);
    expect(await stakeholder('K-3')).toBeUndefined();
  });

  it('refuses an empty file, a file without a header, and an unknown crisis, storing nothing', async () => {
    const before = await t.rowCount('imports');
    expect((await uploadCsv(t, admin.token, '')).body.error.code).toBe('BAD_USER_INPUT');
    expect((await uploadCsv(t, admin.token, '\n\n')).status).toBe(400);
    const noCrisis = await uploadCsv(t, admin.token, 'external_ref,kind,name\n', { crisisId: '00000000-0000-4000-8000-000000000000' });
    expect(noCrisis).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect((await uploadCsv(t, admin.token, 'a\n', { duplicateMode: 'MERGE' })).status).toBe(400);
    expect(await t.rowCount('imports')).toBe(before);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM import_file_chunks c WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = c.import_id)`)).toEqual([{ n: 0 }]);
  });

  it('takes files past the 256 KB GraphQL body limit, up to IMPORT_MAX_FILE_BYTES', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `L-${i},CUSTOMER,Large File Customer Number ${i},Somebody ${i}`);
    const csv = `external_ref,kind,name,contact_name\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(t.config.bodyLimitBytes);
    const upload = await uploadCsv(t, admin.token, csv);
    expect(upload.status).toBe(201);
    expect(upload.body.import.dryRun.rowsTotal).toBe(6_000);

    const small = await TestApp.start({ importMaxFileBytes: 4096 });
    try {
      const smallAdmin = await small.signInAdmin();
      const refused = await uploadCsv(small, smallAdmin.token, csv);
      expect(refused.status).toBe(413);
      expect(await small.rowCount('imports')).toBe(0);
      expect(await small.rowCount('import_file_chunks')).toBe(0);
    } finally {
      await small.close();
    }
  }, 120_000);

  describe('roles', () => {
    it('needs a signed-in admin or partner manager', async () => {
      expect((await uploadCsv(t, null, 'external_ref,kind,name\nX,CUSTOMER,X\n')).status).toBe(401);
      for (const role of [UserRole.AGENT, UserRole.COMMS, UserRole.LEADERSHIP]) {
        const user = await t.signInAs(role);
        const refused = await uploadCsv(t, user.token, 'external_ref,kind,name\nX,CUSTOMER,X\n');
        expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
        // Agents and leadership import revenue and surveys (imports-signals), so they list their own imports; comms none.
        const listed = await t.gql(`{ imports { totalCount } }`, {}, user.token);
        if (role === UserRole.COMMS) expect(errorCode(listed)).toBe('FORBIDDEN');
        else expect(listed.data!.imports.totalCount).toBe(0);
      }
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM imports i JOIN users u ON u.id = i.created_by_id WHERE u.role IN ('AGENT', 'COMMS', 'LEADERSHIP')`)).toEqual([{ n: 0 }]);
    });

    it('lets a partner manager import partners only, owning them and their cases, and see only their imports', async () => {
      const pm = await t.signInAs(UserRole.PARTNER_MANAGER);
      const otherPm = await t.signInAs(UserRole.PARTNER_MANAGER);
      const crisis = await makeCrisis(t.dataSource);
      const csv = `${HEAD}\nPM-1,PARTNER,Own Partner,,,,HIGH,0,EUR,\nPM-2,CUSTOMER,A Customer,,,,HIGH,0,EUR,\nPM-3,PARTNER,Other Owner,${otherPm.email},,,HIGH,0,EUR,\nPM-4,PARTNER,Other Case Owner,,,,HIGH,0,EUR,${otherPm.email}\n`;
      const { done } = await importFile(pm.token, csv, { crisisId: crisis.id });
      expect(done.result.rowsRejected).toBe(3);
      expect(await stakeholder('PM-1')).toMatchObject({ owner_id: pm.id, kind: 'PARTNER' });
      const [opened] = await t.dataSource.query(`SELECT owner_id FROM recovery_cases WHERE crisis_id = $1`, [crisis.id]);
      expect(opened.owner_id).toBe(pm.id);
      const reasons = (await t.dataSource.query(`SELECT reason FROM import_rejected_rows WHERE import_id = $1 ORDER BY line`, [done.id])).map((r: any) => r.reason);
      expect(reasons[0]).toMatch(/partner managers import partners only/);
      expect(reasons[1]).toMatch(/only an admin can import stakeholders for another owner/);
      expect(reasons[2]).toMatch(/only open cases you own yourself/);
      expect(errorCode(await getImport(t, otherPm.token, done.id))).toBe('FORBIDDEN');
      expect((await rejectedCsv(t, otherPm.token, done.id)).status).toBe(403);
      expect((await getImport(t, admin.token, done.id)).data!.import.createdBy.email).toBe(pm.email);
    });
  });

  it('lists imports without more queries for a bigger page', async () => {
    const small = await t.countQueries(() => t.ok(`{ imports(first: 1) { edges { node { id createdBy { email } } } } }`, {}, admin.token));
    const big = await t.countQueries(() => t.ok(`{ imports(first: 20) { edges { node { id createdBy { email } } } } }`, {}, admin.token));
    expect(big).toBe(small);
  });
});
