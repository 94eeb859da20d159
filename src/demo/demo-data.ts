import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import { ContactChannel } from '../modules/stakeholders/stakeholder.enums';
import { TrustSnapshotService } from '../modules/trust/trust-snapshot.service';
import { UsersService } from '../modules/users/users.service';
import { buildOutreach, CADENCE_COLUMNS, CADENCE_MATRIX_COLUMNS, CADENCE_STEP_COLUMNS, ENROLMENT_COLUMNS, INTERACTION_COLUMNS, TASK_COLUMNS } from './demo-cadences';
import { AUDIT_COLUMNS, buildCases, CASE_COLUMNS, DemoCase } from './demo-cases';
import { buildCompensation, COMPENSATION_COLUMNS } from './demo-compensation';
import { closedOutage, CRISIS_COLUMNS, DAY_MS, PHASE_CHANGE_COLUMNS, severeCrisis } from './demo-crises';
import { buildCustomers } from './demo-customers';
import { buildPartnerImport, IMPORT_COLUMNS } from './demo-import';
import { ATTENDEE_COLUMNS, buildMeetings, COMMITMENT_COLUMNS, MEETING_COLUMNS, MEETING_CONTACT_COLUMNS } from './demo-meetings';
import { NOTIFICATION_COLUMNS, writeSweepNotifications } from './demo-notifications';
import { buildPartners } from './demo-partners';
import { DemoRandom } from './demo-random';
import { CONTACT_COLUMNS, STAKEHOLDER_COLUMNS } from './demo-stakeholder-rows';
import { ApprovedTemplate, buildTemplates, TEMPLATE_COLUMNS, TEMPLATE_VERSION_COLUMNS } from './demo-templates';
import { writeDemoTrust } from './demo-trust';
import { ensureDemoUsers, resolveDemoStaff } from './demo-users';
import { insertRows, Row } from './insert-rows';

/** The app_meta row whose presence means "the demo data is loaded". */
export const DEMO_DATA_META_KEY = 'demo-data';
/** Any constant works; it only has to be the same in every process that loads the demo data. */
const DEMO_DATA_LOCK_KEY = 7_301_644_202;
const SEED = 20_260_301;

export interface DemoDataDeps {
  dataSource: DataSource;
  users: UsersService;
  snapshots: TrustSnapshotService;
  /** "Now" for the demo: every date in it is relative to this clock's reading at load time. */
  clock: Clock;
  /** The contact-fatigue limit the enrolments plan with (OUTREACH_WEEKLY_TOUCH_LIMIT). */
  weeklyTouchLimit: number;
}

export interface DemoLoad {
  loaded: boolean;
  counts?: Record<string, number>;
  milliseconds?: number;
  /** Where the time went: writing the records (one transaction), then the snapshot job. */
  timingsMs?: { records: number; snapshots: number };
}

/** The dependencies from a running application (the API process, or a test's). */
export function demoDataDeps(app: INestApplicationContext): DemoDataDeps {
  return {
    dataSource: app.get<DataSource>(getDataSourceToken()),
    users: app.get(UsersService),
    snapshots: app.get(TrustSnapshotService),
    clock: app.get(Clock),
    weeklyTouchLimit: app.get(AppConfig).outreachWeeklyTouchLimit,
  };
}

/**
 * Loads the demo data (see DEMO_USERS for who can sign in) unless it is already there.
 * Everything except the users and the trust snapshots is written in one transaction together
 * with the app_meta marker, under a transaction-scoped advisory lock, so replicas starting at
 * once load it exactly once and a crash half-way leaves nothing behind. The snapshots are then
 * computed by the snapshot job's own service, as the nightly run would (recomputed in place, so
 * a crash before they are written is repaired by that run). Says whether this call loaded it.
 */
export async function loadDemoData(deps: DemoDataDeps): Promise<DemoLoad> {
  const { dataSource } = deps;
  // Already loaded: a restart costs this one query and touches no user.
  if (await isLoaded(dataSource.manager)) return { loaded: false };
  const started = Date.now();
  const now = deps.clock.now();
  await ensureDemoUsers(dataSource, deps.users);
  const counts = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [DEMO_DATA_LOCK_KEY]);
    if (await isLoaded(manager)) return null;
    const written = await writeDemoRecords(manager, now, deps.weeklyTouchLimit);
    await manager.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2::jsonb)`, [
      DEMO_DATA_META_KEY,
      JSON.stringify({ seed: SEED, loadedAt: now.toISOString(), counts: written }),
    ]);
    return written;
  });
  if (!counts) return { loaded: false };
  const written = Date.now();
  const run = await deps.snapshots.run({ now });
  return {
    loaded: true,
    counts: { ...counts, trustSnapshots: run.snapshots },
    milliseconds: Date.now() - started,
    timingsMs: { records: written - started, snapshots: run.milliseconds },
  };
}

async function isLoaded(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM app_meta WHERE key = $1', [DEMO_DATA_META_KEY]);
  return rows.length > 0;
}

async function writeDemoRecords(manager: EntityManager, now: Date, weeklyTouchLimit: number): Promise<Record<string, number>> {
  // One generator per part, so that adding to one part never reshuffles the others.
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
  const infos = [...outageCases.infos, ...severeCases.infos];

  const templates = buildTemplates(staff, severe, outage, now);
  const compensation = buildCompensation(new DemoRandom(SEED + 1), staff, infos, now);
  const contactOf = new Map<string, string>();
  for (const contact of contacts) if (!contactOf.has(contact.stakeholder_id as string)) contactOf.set(contact.stakeholder_id as string, contact.id as string);
  const firstContacts = firstContactInteractions(infos, contactOf, templates.approved.get(ContactChannel.PHONE) ?? null);
  const outreach = buildOutreach({
    random: new DemoRandom(SEED + 2),
    staff,
    cases: infos,
    contactOf,
    templates: templates.approved,
    now,
    weeklyTouchLimit,
    focusAgent: staff.agents[0],
  });
  const demoContacts = contacts.map((c) => ({ id: c.id as string, stakeholderId: c.stakeholder_id as string, isExecutive: c.is_executive as boolean }));
  const meetings = buildMeetings(new DemoRandom(SEED + 3), staff, infos, demoContacts, now);
  const emailOf = await userEmails(manager);
  const partnerImport = buildPartnerImport(partners.stakeholders, partners.contacts, emailOf, { id: staff.admin, email: emailOf.get(staff.admin)! }, importedAt);

  const audit: Row[] = [
    ...severe.audit,
    ...outage.audit,
    ...severeCases.audit,
    ...outageCases.audit,
    ...templates.audit,
    ...compensation.audit,
    ...outreach.audit,
    ...meetings.audit,
    ...partnerImport.audit,
  ].sort((a, b) => (a.occurred_at as Date).getTime() - (b.occurred_at as Date).getTime());
  const interactions = [...firstContacts, ...outreach.interactions, ...meetings.interactions];

  await insertRows(manager, 'crises', CRISIS_COLUMNS, [outage.row, severe.row]);
  await insertRows(manager, 'crisis_phase_changes', PHASE_CHANGE_COLUMNS, [...outage.phaseChanges, ...severe.phaseChanges]);
  await insertRows(manager, 'stakeholders', STAKEHOLDER_COLUMNS, stakeholders.map((s) => s.row));
  await insertRows(manager, 'contacts', CONTACT_COLUMNS, contacts);
  await insertRows(manager, 'imports', IMPORT_COLUMNS, partnerImport.imports);
  // A text[] per row cannot travel through unnest (it would flatten): a few rows, one statement each.
  for (const r of partnerImport.rejected) {
    await manager.query(`INSERT INTO import_rejected_rows (import_id, line, column_name, reason, raw_values) VALUES ($1, $2, $3, $4, $5::text[])`, [
      r.import_id, r.line, r.column_name, r.reason, r.raw_values,
    ]);
  }
  await insertRows(manager, 'recovery_cases', CASE_COLUMNS, cases);
  await insertRows(manager, 'message_templates', TEMPLATE_COLUMNS, templates.templates);
  await insertRows(manager, 'message_template_versions', TEMPLATE_VERSION_COLUMNS, templates.versions);
  await insertRows(manager, 'compensations', COMPENSATION_COLUMNS, compensation.rows);
  await insertRows(manager, 'cadences', CADENCE_COLUMNS, outreach.cadences);
  await insertRows(manager, 'cadence_steps', CADENCE_STEP_COLUMNS, outreach.steps);
  await insertRows(manager, 'cadence_matrix', CADENCE_MATRIX_COLUMNS, outreach.matrix);
  await insertRows(manager, 'interactions', INTERACTION_COLUMNS, interactions);
  await insertRows(manager, 'cadence_enrolments', ENROLMENT_COLUMNS, outreach.enrolments);
  await insertRows(manager, 'outreach_tasks', TASK_COLUMNS, outreach.tasks);
  await insertRows(manager, 'meetings', MEETING_COLUMNS, meetings.meetings);
  await insertRows(manager, 'meeting_attendees', ATTENDEE_COLUMNS, meetings.attendees);
  await insertRows(manager, 'meeting_contacts', MEETING_CONTACT_COLUMNS, meetings.contacts);
  await insertRows(manager, 'commitments', COMMITMENT_COLUMNS, meetings.commitments);
  await insertRows(manager, 'audit_entries', AUDIT_COLUMNS, audit);
  await insertRows(manager, 'notifications', NOTIFICATION_COLUMNS, templates.notifications);
  const trust = await writeDemoTrust(manager, now, staff.leadership);
  await writeSweepNotifications(manager, now);
  return {
    crises: 2,
    customers: customers.stakeholders.length,
    partners: partners.stakeholders.length,
    contacts: contacts.length,
    cases: cases.length,
    templates: templates.templates.length,
    compensations: compensation.rows.length,
    cadences: outreach.cadences.length,
    enrolments: outreach.enrolments.length,
    outreachTasks: outreach.tasks.length,
    meetings: meetings.meetings.length,
    commitments: meetings.commitments.length,
    imports: partnerImport.imports.length,
    auditEntries: audit.length,
    ...trust,
  };
}

/** The first outbound contact of every case that got one, at the moment it moved to CONTACTED (the golden-hours clock reads it). */
function firstContactInteractions(cases: readonly DemoCase[], contactOf: Map<string, string>, phone: ApprovedTemplate | null): Row[] {
  return cases
    .filter((c) => c.times.length > 1)
    .map((c, i) => {
      const at = c.times[1];
      const cites = phone !== null && phone.approvedAt < at && c.crisis.phase !== 'CLOSED';
      return {
        id: randomUUID(),
        case_id: c.id,
        contact_id: contactOf.get(c.stakeholder.id) ?? null,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        occurred_at: at,
        actor_id: c.stakeholder.ownerId,
        summary: i % 5 < 3 ? 'First contact: apologised, explained what happened and what we are doing, noted the damage.' : 'First contact: no answer; left a message with our apology and a number to call back.',
        // Many first calls reach only a voicemail: the golden hours count the attempt, responsiveness the answer.
        outcome: i % 5 < 3 ? 'REACHED' : 'LEFT_MESSAGE',
        sentiment: i % 5 < 3 ? -2 + (i % 2) : null,
        template_version_id: cites ? phone.versionId : null,
        created_at: at,
      };
    });
}

async function userEmails(manager: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; email: string }[] = await manager.query(`SELECT id, email FROM users`);
  return new Map(rows.map((r) => [r.id, r.email]));
}
