import { ImportValidator } from '../src/modules/imports/import-validator.service';
import { Readable } from 'node:stream';
import { CaseStatus, ImpactLevel } from '../src/modules/cases/case.enums';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { DuplicateMode, ImportKind } from '../src/modules/imports/import.enums';
import { ImportRunner } from '../src/modules/imports/import-runner.service';
import { ImportsService } from '../src/modules/imports/imports.service';
import { ContactChannel, StakeholderKind, StakeholderTier } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { SignedIn, TestApp } from './support/test-app';

/**
 * An export re-imported gives the same records: the import finds every stakeholder, contact
 * and case as it is, changes nothing and creates nothing. Stakeholders, contacts and cases are
 * compared column by column (updated_at included: a no-op update would show there).
 *
 * Cells the export guards against formula injection (a leading ' before = + - @) read back
 * because the import applies unguardFormula (src/common/csv/csv-formula-guard.ts) to each
 * cell: here a name "=Acme", a segment "@home", a contact title "-VP" and a description
 * "+1 more"; numbers and phone numbers are not guarded and round-trip as they are (here
 * +49 30 1234567 and a loss of 0), and "'quoted" keeps its apostrophe.
 */
describe('CSV export → import round trip', () => {
  let t: TestApp;
  let roles: Record<UserRole, SignedIn>;
  let crisis: CrisisEntity;

  const snapshot = async () => ({
    stakeholders: await t.dataSource.query(`SELECT * FROM stakeholders ORDER BY id`),
    contacts: await t.dataSource.query(`SELECT * FROM contacts ORDER BY id`),
    cases: await t.dataSource.query(`SELECT * FROM recovery_cases ORDER BY id`),
    audit: await t.dataSource.query(`SELECT * FROM audit_entries WHERE entity_type <> 'IMPORT' ORDER BY id`),
  });

  async function exported(url: string): Promise<Buffer> {
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${roles.ADMIN.token}` } });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  }

  /** Uploads the file as the admin, starts it, and runs the job as the worker would. */
  async function reimport(file: Buffer, crisisId: string | null) {
    const admin = { id: roles.ADMIN.id, email: roles.ADMIN.email, name: 'Admin', role: UserRole.ADMIN };
    const imports = t.app.get(ImportsService);
    const validated = await imports.createFromStream(admin, Readable.from([file]), {
      kind: ImportKind.STAKEHOLDERS,
      fileName: 'round-trip.csv',
      crisisId,
      duplicateMode: DuplicateMode.UPDATE,
    });
    // The dry run is a worker's job: run here as the worker would.
    expect(await t.app.get(ImportValidator).validate(validated.id)).toBe('VALIDATED');
    await imports.start(admin, validated.id);
    expect(await t.app.get(ImportRunner).run(validated.id)).toBe('SUCCEEDED');
    const [row] = await t.dataSource.query(`SELECT dry_run, result FROM imports WHERE id = $1`, [validated.id]);
    return row as { dry_run: Record<string, unknown>; result: { counts: Record<string, number>; rowsRejected: number } };
  }

  beforeAll(async () => {
    t = await TestApp.start();
    roles = await t.signInEveryRole();
    crisis = await makeCrisis(t.dataSource);
    const ds = t.dataSource;
    const alpha = await makeStakeholder(ds, { name: 'Alpha Foods', externalRef: 'CRM-ALPHA', ownerId: roles.AGENT.id });
    await makeContact(ds, alpha.id, { name: 'Bea Alpha', title: 'Head of Ops, EMEA', phone: '+49 30 1234567', preferredChannel: ContactChannel.PHONE, isExecutive: true });
    await makeContact(ds, alpha.id, { name: 'Al Alpha', email: 'al@alpha.example', title: null, phone: null, preferredChannel: null });
    const formula = await makeStakeholder(ds, { name: '=Acme', externalRef: 'CRM-FORMULA', ownerId: roles.AGENT.id, doNotContact: true, baselineMonthlyRevenueMinor: null, baselineCurrency: null, segment: '@home', region: null });
    await makeContact(ds, formula.id, { name: "O'Neill & Sons", email: 'on@formula.example', title: '-VP', phone: null, preferredChannel: null });
    await makeStakeholder(ds, { name: "'quoted", externalRef: 'CRM-QUOTED', ownerId: roles.AGENT.id, segment: '+Plus', region: '@EMEA' });
    const gamma = await makeStakeholder(ds, {
      kind: StakeholderKind.PARTNER,
      name: 'Gamma Distribution',
      externalRef: 'PRM-GAMMA',
      ownerId: roles.PARTNER_MANAGER.id,
      tier: StakeholderTier.STRATEGIC,
      baselineMonthlyRevenueMinor: '9007199254740993',
      timeZone: 'America/Chicago',
    });
    await makeContact(ds, gamma.id, { name: 'Gina Gamma', email: 'Gina@Gamma.example' });
    await makeCase(ds, { crisisId: crisis.id, stakeholderId: alpha.id, ownerId: roles.AGENT.id }, { impact: ImpactLevel.CRITICAL, description: 'Lost a cold room; "urgent", they said' });
    await makeCase(ds, { crisisId: crisis.id, stakeholderId: gamma.id, ownerId: roles.PARTNER_MANAGER.id }, { impact: ImpactLevel.LOW, status: CaseStatus.RECOVERING, estimatedLossMinor: '0' });
    await makeCase(ds, { crisisId: crisis.id, stakeholderId: formula.id, ownerId: roles.AGENT.id }, { impact: ImpactLevel.MEDIUM, description: '+1 more: two units missing;\nthe third arrived broken' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('re-imports the stakeholders export without changing or creating anything', async () => {
    const before = await snapshot();
    const { result } = await reimport(await exported('/exports/stakeholders.csv'), null);
    expect(result.rowsRejected).toBe(0);
    expect(result.counts).toMatchObject({ stakeholdersCreated: 0, stakeholdersUpdated: 0, contactsCreated: 0, contactsUpdated: 0, casesOpened: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('re-imports the cases export into its crisis without changing or opening anything', async () => {
    const before = await snapshot();
    const { result } = await reimport(await exported(`/exports/cases.csv?crisisId=${crisis.id}`), crisis.id);
    expect(result.rowsRejected).toBe(0);
    expect(result.counts).toMatchObject({ stakeholdersCreated: 0, stakeholdersUpdated: 0, contactsCreated: 0, contactsUpdated: 0, casesOpened: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('rejects the row of a stakeholder without an external reference, and changes nothing else', async () => {
    await makeStakeholder(t.dataSource, { name: 'Delta Retail', externalRef: null });
    const before = await snapshot();
    const { result } = await reimport(await exported('/exports/stakeholders.csv'), null);
    expect(result.rowsRejected).toBe(1);
    expect(result.counts).toMatchObject({ stakeholdersCreated: 0, stakeholdersUpdated: 0, contactsCreated: 0, contactsUpdated: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
