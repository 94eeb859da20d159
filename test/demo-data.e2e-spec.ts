import { demoDataDeps, loadDemoData } from '../src/demo/demo-data';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-users';
import { CaseStatus } from '../src/modules/cases/case.enums';
import { canTransition } from '../src/modules/cases/case-status-transitions';
import { canMoveCrisis } from '../src/modules/crises/crisis-phase-transitions';
import { CrisisPhase } from '../src/modules/crises/crisis.enums';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideApproval, DEFAULT_APPROVAL_POLICY } from '../src/modules/compensation/approval-policy';
import { CompensationKind } from '../src/modules/compensation/compensation.enums';
import { canCompensationTransition } from '../src/modules/compensation/compensation-transitions';
import { UserRole } from '../src/modules/users/user-role.enum';
import { expectEveryScreenFilled } from './support/demo-screens';
import { ManualClock } from './support/manual-clock';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from './support/test-app';

const TABLES = [
  'users', 'crises', 'crisis_phase_changes', 'stakeholders', 'contacts', 'recovery_cases', 'audit_entries', 'app_meta',
  'message_templates', 'message_template_versions', 'compensations', 'cadences', 'cadence_steps', 'cadence_matrix',
  'cadence_enrolments', 'outreach_tasks', 'interactions', 'meetings', 'meeting_attendees', 'commitments', 'notifications',
  'imports', 'import_rejected_rows', 'survey_responses', 'stakeholder_revenue_months', 'case_trust_snapshots',
];
/** A Friday afternoon in UTC: working hours in Europe and America, so tasks fall due later today. */
const FRIDAY = '2026-11-27T15:00:00Z';
/** A Sunday: nothing falls due on a weekend, but overdue work, meetings ahead and every figure are there. */
const SUNDAY = '2026-11-29T10:30:00Z';

async function counts(t: TestApp): Promise<Record<string, number>> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, await t.rowCount(table)] as const));
  return Object.fromEntries(entries);
}

describe('demo data', () => {
  let t: TestApp;
  let first: boolean;
  let second: boolean;
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    t = await TestApp.start({}, { clock: new ManualClock(FRIDAY) });
    const load = await loadDemoData(demoDataDeps(t.app));
    first = load.loaded;
    // Printed, not asserted: the machine is shared. It loads in seconds.
    console.log(`demo data loaded in ${load.milliseconds} ms (${JSON.stringify(load.timingsMs)}): ${JSON.stringify(load.counts)}`);
    afterFirst = await counts(t);
    second = (await loadDemoData(demoDataDeps(t.app))).loaded;
  }, 300_000);
  afterAll(() => t.close());

  it('loads once: the second call finds the marker and writes nothing', async () => {
    expect(first).toBe(true);
    expect(second).toBe(false);
    expect(await counts(t)).toEqual(afterFirst);
    const meta = await t.dataSource.query(`SELECT key FROM app_meta WHERE key = 'demo-data'`);
    expect(meta).toHaveLength(1);
  });

  it('has trust signals and one snapshot per case and month since its crisis, in every band', async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM survey_responses) AS surveys,
              (SELECT count(*)::int FROM survey_responses WHERE is_pre_crisis) AS pre_crisis,
              (SELECT count(*)::int FROM stakeholder_revenue_months) AS revenue_months,
              (SELECT count(*)::int FROM case_trust_snapshots) AS snapshots,
              (SELECT sum(1 + (extract(year FROM $1::timestamptz AT TIME ZONE 'UTC') - extract(year FROM coalesce(c.started_at, c.detected_at) AT TIME ZONE 'UTC')) * 12
                          + extract(month FROM $1::timestamptz AT TIME ZONE 'UTC') - extract(month FROM coalesce(c.started_at, c.detected_at) AT TIME ZONE 'UTC'))::int
                 FROM recovery_cases rc JOIN crises c ON c.id = rc.crisis_id) AS case_months,
              (SELECT array_agg(DISTINCT band ORDER BY band)::text FROM case_trust_snapshots) AS bands,
              (SELECT count(*)::int FROM case_trust_snapshots WHERE case_status = 'CHURNED' AND trust_index <> 0) AS churned_above_zero`,
      [FRIDAY],
    );
    expect(row.surveys).toBeGreaterThan(500);
    expect(row.pre_crisis).toBeGreaterThan(100);
    expect(row.revenue_months).toBeGreaterThan(1000);
    expect(row.snapshots).toBe(row.case_months);
    expect(row.bands).toBe('{AT_RISK,RECOVERING,RECOVERED}');
    expect(row.churned_above_zero).toBe(0);
  });

  it('has exactly one severe crisis, six months in and in recovery, led by leadership with comms as spokesperson', async () => {
    const rows = await t.dataSource.query(
      `SELECT c.phase, c.category, c.started_at < c.detected_at AS started_before,
              c.first_statement_at - c.detected_at AS statement_delay, lead.role AS lead_role, sp.role AS spokesperson_role,
              (SELECT count(*)::int FROM crisis_phase_changes p WHERE p.crisis_id = c.id AND p.from_phase IS NULL AND p.to_phase = 'RESPONSE') AS opening_changes
       FROM crises c JOIN users lead ON lead.id = c.lead_id JOIN users sp ON sp.id = c.spokesperson_id
       WHERE c.severity = 'SEVERE'`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        phase: 'RECOVERY',
        category: 'PRODUCT_QUALITY',
        started_before: true,
        lead_role: 'LEADERSHIP',
        spokesperson_role: 'COMMS',
        opening_changes: 1,
      }),
    ]);
    expect(rows[0].statement_delay).toMatchObject({ hours: 3 });
  });

  it('has a few hundred customers and two dozen partners with contracts and contacts', async () => {
    const [stakeholders] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = 'CUSTOMER')::int AS customers,
              count(*) FILTER (WHERE kind = 'PARTNER')::int AS partners,
              count(DISTINCT external_ref)::int AS refs, count(*)::int AS total,
              count(DISTINCT segment) FILTER (WHERE kind = 'CUSTOMER')::int AS segments,
              count(*) FILTER (WHERE do_not_contact)::int AS do_not_contact
       FROM stakeholders`,
    );
    expect(stakeholders.customers).toBeGreaterThanOrEqual(250);
    expect(stakeholders.partners).toBeGreaterThanOrEqual(20);
    expect(stakeholders.refs).toBe(stakeholders.total);
    expect(stakeholders.segments).toBe(4);
    expect(stakeholders.do_not_contact).toBeGreaterThan(0);

    const partners = await t.dataSource.query(
      `SELECT s.name, s.contract_end_date, count(c.id)::int AS contacts, count(c.id) FILTER (WHERE c.is_executive)::int AS executives
       FROM stakeholders s LEFT JOIN contacts c ON c.stakeholder_id = s.id
       WHERE s.kind = 'PARTNER' GROUP BY s.id`,
    );
    for (const partner of partners) {
      expect(partner).toEqual(expect.objectContaining({ contract_end_date: expect.anything(), executives: 1 }));
      expect(partner.contacts).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps every time zone valid and every baseline in the region currency', async () => {
    const [bad] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = s.time_zone))::int AS zones,
              count(*) FILTER (WHERE (s.region = 'UK') <> (s.baseline_currency = 'GBP')
                                  OR (s.region = 'North America') <> (s.baseline_currency = 'USD'))::int AS currencies
       FROM stakeholders s`,
    );
    expect(bad).toEqual({ zones: 0, currencies: 0 });
  });

  it('spreads cases over every status and gives each to an owner of the right role', async () => {
    const statuses = await t.dataSource.query(`SELECT DISTINCT status FROM recovery_cases ORDER BY status`);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual([
      'IDENTIFIED', 'CONTACTED', 'COMPENSATING', 'RECOVERING', 'RECOVERED', 'CHURNED',
    ]);
    const [ownership] = await t.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE (s.kind = 'CUSTOMER' AND u.role = 'AGENT') OR (s.kind = 'PARTNER' AND u.role = 'PARTNER_MANAGER'))::int AS right_role,
              count(*) FILTER (WHERE rc.owner_id = s.owner_id AND rc.loss_currency = s.baseline_currency)::int AS matching,
              count(DISTINCT rc.owner_id)::int AS owners,
              max(rc.estimated_loss_minor) FILTER (WHERE s.kind = 'PARTNER') > 100000000 AS large_partner_loss
       FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id JOIN users u ON u.id = rc.owner_id`,
    );
    expect(ownership.right_role).toBe(ownership.total);
    expect(ownership.matching).toBe(ownership.total);
    expect(ownership.owners).toBe(8);
    expect(ownership.large_partner_loss).toBe(true);

    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS opened FROM audit_entries a JOIN recovery_cases rc ON rc.id = a.entity_id
       WHERE a.entity_type = 'RECOVERY_CASE' AND a.action = 'CASE_OPENED' AND a.actor_id = rc.owner_id`,
    );
    expect(audit.opened).toBe(ownership.total);
  });

  it('reaches every status and phase along the allowed transitions, as the audit trail shows', async () => {
    const steps: { before: { status: CaseStatus }; after: { status: CaseStatus } }[] = await t.dataSource.query(
      `SELECT before, after FROM audit_entries WHERE action = 'CASE_STATUS_CHANGED'`,
    );
    expect(steps.length).toBeGreaterThan(0);
    const refusedSteps = steps.filter((s) => !canTransition(s.before.status, s.after.status));
    expect(refusedSteps).toEqual([]);

    const phases: { from_phase: CrisisPhase; to_phase: CrisisPhase }[] = await t.dataSource.query(
      `SELECT from_phase, to_phase FROM crisis_phase_changes WHERE from_phase IS NOT NULL`,
    );
    expect(phases.filter((p) => !canMoveCrisis(p.from_phase, p.to_phase))).toEqual([]);

    const [latest] = await t.dataSource.query(
      `SELECT count(*)::int AS mismatched FROM recovery_cases rc
       WHERE rc.status::text <> coalesce((SELECT a.after->>'status' FROM audit_entries a
                                          WHERE a.entity_id = rc.id AND a.action IN ('CASE_OPENED', 'CASE_STATUS_CHANGED')
                                          ORDER BY a.id DESC LIMIT 1), '')`,
    );
    expect(latest.mismatched).toBe(0);
  });

  it('keeps compensation inside the rules: transitions, four eyes, limits and fairness as the approval policy judges them', async () => {
    const steps: { before: { status: string } | null; after: { status: string } }[] = await t.dataSource.query(
      `SELECT before, after FROM audit_entries WHERE entity_type = 'COMPENSATION' AND before IS NOT NULL`,
    );
    expect(steps.filter((s) => !canCompensationTransition(s.before!.status as never, s.after.status as never))).toEqual([]);
    const [missing] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity_id = c.id AND a.after->>'status' = c.status::text))::int AS unaudited,
              count(*) FILTER (WHERE c.proposed_at > $1::timestamptz OR c.updated_at > $1::timestamptz)::int AS future,
              count(*) FILTER (WHERE c.currency LIKE 'X%')::int AS x_codes
         FROM compensations c`,
      [FRIDAY],
    );
    expect(missing).toEqual({ unaudited: 0, future: 0, x_codes: 0 });
    // Every approval again, as approveCompensation would judge it at the time (committed = approved earlier on the case).
    const approvals: {
      approver: string; role: UserRole; proposer: string; kind: CompensationKind; value: string; currency: string;
      months: number | null; loss: string; committed: string; justification: string | null;
    }[] = await t.dataSource.query(
      `SELECT c.approved_by_id AS approver, u.role, c.proposed_by_id AS proposer, c.kind, c.value_minor AS value, c.currency,
              c.extension_months AS months, rc.estimated_loss_minor AS loss, c.approval_justification AS justification,
              (SELECT coalesce(sum(o.value_minor), 0) FROM compensations o
                WHERE o.case_id = c.case_id AND o.id <> c.id AND o.approved_at < c.approved_at AND o.status IN ('APPROVED', 'ISSUED', 'ACCEPTED'))::text AS committed
         FROM compensations c JOIN users u ON u.id = c.approved_by_id JOIN recovery_cases rc ON rc.id = c.case_id
        WHERE c.approved_by_id IS NOT NULL`,
    );
    expect(approvals.length).toBeGreaterThan(50);
    const refused = approvals.filter(
      (a) =>
        !decideApproval(DEFAULT_APPROVAL_POLICY, {
          approver: { id: a.approver, role: a.role },
          compensation: { proposedById: a.proposer, kind: a.kind, valueMinor: BigInt(a.value), currency: a.currency.trim(), extensionMonths: a.months },
          estimatedLossMinor: BigInt(a.loss),
          committedMinor: BigInt(a.committed),
          justification: a.justification,
        }).allowed,
    );
    expect(refused).toEqual([]);
    const statuses = await t.dataSource.query(`SELECT DISTINCT status::text FROM compensations ORDER BY 1`);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['ACCEPTED', 'APPROVED', 'CANCELLED', 'DECLINED', 'ISSUED', 'PROPOSED', 'REJECTED']);
    // Every COMPENSATING case (and every later one reached through it) has compensation approved on it.
    const [bare] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM recovery_cases rc
        WHERE rc.status IN ('COMPENSATING', 'RECOVERING', 'RECOVERED')
          AND NOT EXISTS (SELECT 1 FROM compensations c WHERE c.case_id = rc.id AND c.approved_at IS NOT NULL)`,
    );
    expect(bare.n).toBe(0);
  });

  it('plans outreach as the enrolment would, books nobody twice and keeps every time in the past of the load', async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM cadence_enrolments e JOIN recovery_cases rc ON rc.id = e.case_id
                WHERE e.status = 'ACTIVE' AND rc.status IN ('RECOVERED', 'CHURNED')) AS live_on_closed,
              (SELECT count(*)::int FROM cadence_enrolments e JOIN recovery_cases rc ON rc.id = e.case_id JOIN stakeholders s ON s.id = rc.stakeholder_id
                WHERE s.do_not_contact) AS do_not_contact_enrolled,
              (SELECT count(*)::int FROM outreach_tasks t JOIN stakeholders s ON s.id = (SELECT stakeholder_id FROM recovery_cases WHERE id = t.case_id)
                WHERE extract(isodow FROM t.due_at AT TIME ZONE s.time_zone) > 5
                   OR extract(hour FROM t.due_at AT TIME ZONE s.time_zone) NOT BETWEEN 9 AND 16) AS outside_business_hours,
              (SELECT count(*)::int FROM interactions i JOIN recovery_cases rc ON rc.id = i.case_id
                WHERE i.occurred_at < rc.created_at OR i.occurred_at > $1::timestamptz) AS interactions_out_of_range,
              -- Users are created through UsersService at the machine's time, not the test's clock.
              (SELECT coalesce(array_agg(DISTINCT action ORDER BY action), '{}')::text FROM audit_entries WHERE occurred_at > $1::timestamptz AND entity_type <> 'USER') AS future_audit,
              (SELECT count(*)::int FROM meeting_attendees a JOIN meeting_attendees b
                 ON a.user_id = b.user_id AND a.meeting_id < b.meeting_id AND a.during && b.during AND a.active AND b.active) AS double_booked,
              (SELECT count(*)::int FROM meetings m JOIN meeting_attendees a ON a.meeting_id = m.id JOIN users u ON u.id = a.user_id
                WHERE m.kind = 'EXECUTIVE_VISIT' AND u.role = 'LEADERSHIP') AS executive_visits_with_leadership,
              (SELECT count(*)::int FROM meetings WHERE kind = 'EXECUTIVE_VISIT') AS executive_visits,
              (SELECT count(*)::int FROM message_templates t
                WHERE NOT EXISTS (SELECT 1 FROM message_template_versions v WHERE v.template_id = t.id AND v.status = 'APPROVED')) AS unapproved_templates,
              (SELECT count(*)::int FROM message_template_versions WHERE status = 'IN_REVIEW') AS in_review`,
      [FRIDAY],
    );
    expect(row).toEqual({
      live_on_closed: 0,
      do_not_contact_enrolled: 0,
      outside_business_hours: 0,
      interactions_out_of_range: 0,
      future_audit: '{}',
      double_booked: 0,
      executive_visits_with_leadership: row.executive_visits,
      executive_visits: expect.any(Number),
      unapproved_templates: 0,
      in_review: 1,
    });
    expect(row.executive_visits).toBeGreaterThan(1);
  });

  it('fills every screen of every demo role on a Friday afternoon, tasks due later today included', async () => {
    await expectEveryScreenFilled(t, new Date(FRIDAY), { dueLaterToday: true, admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  }, 60_000);

  it('lets every demo user sign in with the documented password', async () => {
    for (const user of DEMO_USERS) {
      const token = await t.login(user.email, DEMO_PASSWORD);
      const me = await t.ok<{ me: { email: string; role: string } }>(`{ me { email role } }`, {}, token);
      expect(me.me).toEqual({ email: user.email, role: user.role });
    }
  });
});

describe('demo data loaded on a Sunday', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({}, { clock: new ManualClock(SUNDAY) });
    expect((await loadDemoData(demoDataDeps(t.app))).loaded).toBe(true);
  }, 300_000);
  afterAll(() => t.close());

  it('fills every screen of every demo role, with overdue work and the week ahead', async () => {
    await expectEveryScreenFilled(t, new Date(SUNDAY), { dueLaterToday: false, admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  }, 60_000);
});

describe('demo data on two replicas starting at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('is loaded exactly once', async () => {
    const results = (await Promise.all([loadDemoData(demoDataDeps(t.app)), loadDemoData(demoDataDeps(t.app))])).map((r) => r.loaded);
    expect(results.sort()).toEqual([false, true]);
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM crises WHERE severity = 'SEVERE') AS severe,
              (SELECT count(*)::int FROM users WHERE email LIKE '%@regain.local') AS demo_users,
              (SELECT count(*)::int FROM stakeholders) AS stakeholders,
              (SELECT count(*)::int FROM app_meta) AS markers`,
    );
    expect(row).toEqual({ severe: 1, demo_users: DEMO_USERS.length, stakeholders: expect.any(Number), markers: 1 });
    const [{ n }] = await t.dataSource.query(`SELECT (value->'counts'->>'customers')::int + (value->'counts'->>'partners')::int AS n FROM app_meta`);
    expect(row.stakeholders).toBe(n);
  }, 300_000);

  it('answers the example operations of the README as written', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /### Trying it[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
    const [login, query] = (block ?? '').split('\n').filter((line) => line.trim() !== '');
    expect(login).toMatch(/^mutation \{ login/);
    const session = await t.gql(login);
    expect(session.errors).toBeUndefined();
    const result = await t.gql(query, {}, session.data!.login.accessToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.myCases.totalCount).toBeGreaterThan(0);
    expect(result.data!.myCases.edges[0].node.stakeholder.name).toEqual(expect.any(String));
  });
});
