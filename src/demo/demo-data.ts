import { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../modules/users/users.service';
import { AUDIT_COLUMNS, buildCases, CASE_COLUMNS } from './demo-cases';
import { closedOutage, CRISIS_COLUMNS, DAY_MS, PHASE_CHANGE_COLUMNS, severeCrisis } from './demo-crises';
import { buildCustomers } from './demo-customers';
import { buildPartners } from './demo-partners';
import { DemoRandom } from './demo-random';
import { CONTACT_COLUMNS, STAKEHOLDER_COLUMNS } from './demo-stakeholder-rows';
import { writeDemoTrust } from './demo-trust';
import { ensureDemoUsers, resolveDemoStaff } from './demo-users';
import { insertRows, Row } from './insert-rows';

/** The app_meta row whose presence means "the demo data is loaded". */
export const DEMO_DATA_META_KEY = 'demo-data';
/** Any constant works; it only has to be the same in every process that loads the demo data. */
const DEMO_DATA_LOCK_KEY = 7_301_644_202;
const SEED = 20_260_301;

/**
 * Loads the demo data (see DEMO_USERS for who can sign in) unless it is already there.
 * Everything except the users is written in one transaction together with the app_meta
 * marker, under a transaction-scoped advisory lock, so replicas starting at once load it
 * exactly once and a crash half-way leaves nothing behind. Returns whether this call loaded it.
 */
export async function loadDemoData(dataSource: DataSource, users: UsersService): Promise<boolean> {
  // Already loaded: a restart costs this one query and touches no user.
  if (await isLoaded(dataSource.manager)) return false;
  await ensureDemoUsers(dataSource, users);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [DEMO_DATA_LOCK_KEY]);
    if (await isLoaded(manager)) return false;
    const counts = await writeDemoRecords(manager, new Date());
    await manager.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2::jsonb)`, [
      DEMO_DATA_META_KEY,
      JSON.stringify({ seed: SEED, loadedAt: new Date().toISOString(), counts }),
    ]);
    return true;
  });
}

async function isLoaded(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM app_meta WHERE key = $1', [DEMO_DATA_META_KEY]);
  return rows.length > 0;
}

async function writeDemoRecords(manager: EntityManager, now: Date): Promise<Record<string, number>> {
  const random = new DemoRandom(SEED);
  const staff = await resolveDemoStaff(manager);
  const severe = severeCrisis(staff, now);
  const outage = closedOutage(staff, now);
  // The stakeholders came over from the main CRM when Regain was set up, before either crisis.
  const importedAt = new Date(outage.detectedAt.getTime() - DAY_MS);
  const customers = buildCustomers(random, staff, importedAt);
  const partners = buildPartners(random, staff, importedAt, now);
  const stakeholders = [...customers.stakeholders, ...partners.stakeholders];
  const contacts = [...customers.contacts, ...partners.contacts];
  const severeCases = buildCases(random, severe, stakeholders, 0.92);
  const outageCases = buildCases(random, outage, customers.stakeholders, 0.13);
  const cases = [...outageCases.cases, ...severeCases.cases];
  const audit: Row[] = [...severe.audit, ...outage.audit, ...severeCases.audit, ...outageCases.audit].sort(
    (a, b) => (a.occurred_at as Date).getTime() - (b.occurred_at as Date).getTime(),
  );

  await insertRows(manager, 'crises', CRISIS_COLUMNS, [outage.row, severe.row]);
  await insertRows(manager, 'crisis_phase_changes', PHASE_CHANGE_COLUMNS, [...outage.phaseChanges, ...severe.phaseChanges]);
  await insertRows(manager, 'stakeholders', STAKEHOLDER_COLUMNS, stakeholders.map((s) => s.row));
  await insertRows(manager, 'contacts', CONTACT_COLUMNS, contacts);
  await insertRows(manager, 'recovery_cases', CASE_COLUMNS, cases);
  await insertRows(manager, 'audit_entries', AUDIT_COLUMNS, audit);
  const trust = await writeDemoTrust(manager, now, staff.leadership);
  return {
    crises: 2,
    customers: customers.stakeholders.length,
    partners: partners.stakeholders.length,
    contacts: contacts.length,
    cases: cases.length,
    auditEntries: audit.length,
    ...trust,
  };
}
