import { ImpactLevel } from '../src/modules/cases/case.enums';
import { CrisisSeverity } from '../src/modules/crises/crisis.enums';
import { SlaSweepService } from '../src/modules/sla/sla-sweep.service';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { ManualClock } from './support/manual-clock';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const CASE_SLA = `query ($id: ID!) { recoveryCase(id: $id) { id sla {
  goldenHours { state startedAt dueAt fulfilledAt } reply { state startedAt dueAt fulfilledAt } } } }`;
const CASES_SLA = `query ($first: Int) { recoveryCases(first: $first) { edges { node { id sla {
  goldenHours { state dueAt } reply { state dueAt } } } } } }`;
const SETTINGS = `{ slaSettings { goldenHours { severity hours } goldenHoursImpacts replyWithinHours escalateAfterHours taskReminderMinutes } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateSlaSettingsInput!) { updateSlaSettings(input: $input) {
  goldenHours { severity hours } goldenHoursImpacts replyWithinHours escalateAfterHours taskReminderMinutes } }`;
const ESCALATIONS = `query ($caseId: ID, $open: Boolean) { escalations(caseId: $caseId, open: $open, first: 20) {
  totalCount edges { node { id caseId kind subjectId level dueAt raisedAt acknowledgedAt resolvedAt open acknowledgedBy { id } } } } }`;
const ACK = `mutation ($id: ID!) { acknowledgeEscalation(id: $id) { id acknowledgedAt open acknowledgedBy { id } } }`;

const HOUR = 3_600_000;

/** A Friday evening: the SLA clocks run in elapsed hours, through evenings and weekends alike. */
const FRIDAY_EVENING = '2026-12-04T19:30:00Z';

describe('SLA clocks, escalations and the sweep', () => {
  const clock = new ManualClock(FRIDAY_EVENING);
  let t: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let otherAgent: SignedIn;
  let leaders: SignedIn[];
  let inactiveLeaderId: string;
  let crisisId: string;
  let sweep: SlaSweepService;

  /** A case of the owner, opened `hoursAgo` by the app's clock. */
  const caseOpened = async (hoursAgo: number, impact = ImpactLevel.HIGH) => {
    const stakeholder = await makeStakeholder(t.dataSource, { ownerId: owner.id });
    const c = await makeCase(t.dataSource, { crisisId, stakeholderId: stakeholder.id, ownerId: owner.id }, { impact });
    await t.dataSource.query(`UPDATE recovery_cases SET created_at = $3::timestamptz - make_interval(mins => $2) WHERE id = $1`, [
      c.id,
      Math.round(hoursAgo * 60),
      clock.now(),
    ]);
    const [row] = await t.dataSource.query(`SELECT created_at FROM recovery_cases WHERE id = $1`, [c.id]);
    return { id: c.id, openedAt: row.created_at as Date };
  };
  const interaction = async (caseId: string, direction: 'INBOUND' | 'OUTBOUND', hoursAgo: number): Promise<{ id: string; at: Date }> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO interactions (case_id, channel, direction, occurred_at, actor_id, summary, outcome)
       VALUES ($1, 'EMAIL', $2, $5::timestamptz - make_interval(mins => $3), $4, 'Discussed the replacement units', 'REACHED')
       RETURNING id, occurred_at`,
      [caseId, direction, Math.round(hoursAgo * 60), owner.id, clock.now()],
    );
    return { id: row.id, at: row.occurred_at };
  };
  const sla = async (caseId: string) => (await t.ok(CASE_SLA, { id: caseId }, owner.token)).recoveryCase.sla;
  const escalationsOf = async (caseId: string, token = admin.token) =>
    (await t.ok(ESCALATIONS, { caseId }, token)).escalations.edges.map((e: any) => e.node);
  const notificationsFor = (userId: string, escalationIds: string[]) =>
    t.dataSource.query(`SELECT user_id, kind, title, record_id FROM notifications WHERE user_id = $1 AND record_id = ANY($2)`, [
      userId,
      escalationIds,
    ]);
  /** Pretends the escalations of a case were raised `hours` earlier. */
  const ageEscalations = (caseId: string, hours: number) =>
    t.dataSource.query(`UPDATE sla_escalations SET raised_at = raised_at - make_interval(hours => $2) WHERE case_id = $1`, [caseId, hours]);

  beforeAll(async () => {
    t = await TestApp.start({}, { clock });
    admin = await t.signInAdmin();
    owner = await t.signInAs(UserRole.AGENT, 'Olivia Owner');
    otherAgent = await t.signInAs(UserRole.AGENT);
    leaders = [await t.signInAs(UserRole.LEADERSHIP), await t.signInAs(UserRole.LEADERSHIP)];
    const [inactive] = await t.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash, is_active) VALUES ('gone-leader@regain.test', 'Gone Leader', 'LEADERSHIP', 'unused', false) RETURNING id`,
    );
    inactiveLeaderId = inactive.id;
    crisisId = (await makeCrisis(t.dataSource, { severity: CrisisSeverity.SEVERE })).id;
    sweep = t.app.get(SlaSweepService);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(FRIDAY_EVENING));

  describe('golden hours', () => {
    // Elapsed hours at any instant: a weekend, both daylight-saving changes (Europe and the US)
    // and a month end change neither the deadline nor when the sweep raises the breach.
    it.each([
      ['a Saturday', '2026-12-05T11:00:00Z'],
      ['the night summer time starts in Europe', '2026-03-29T02:30:00Z'],
      ['the night summer time starts in the US', '2026-03-08T08:30:00Z'],
      ['the night summer time ends in Europe', '2026-10-25T02:30:00Z'],
      ['a month end', '2026-02-28T22:00:00Z'],
    ])('runs for exactly its hours across %s, and the sweep raises the breach once', async (_, instant) => {
      clock.set(instant);
      const c = await caseOpened(3);
      expect((await sla(c.id)).goldenHours).toMatchObject({ state: 'PENDING', dueAt: new Date(c.openedAt.getTime() + 4 * HOUR).toISOString() });
      await sweep.run();
      expect(await escalationsOf(c.id)).toEqual([]);
      clock.advance(HOUR + 1);
      expect((await sla(c.id)).goldenHours).toMatchObject({ state: 'BREACHED' });
      await sweep.run();
      await sweep.run();
      expect(await escalationsOf(c.id)).toEqual([expect.objectContaining({ kind: 'GOLDEN_HOURS_BREACHED', level: 'OWNER', raisedAt: clock.now().toISOString() })]);
    });

    it('is pending before the deadline, with its due time', async () => {
      const c = await caseOpened(2);
      const { goldenHours } = await sla(c.id);
      expect(goldenHours).toEqual({
        state: 'PENDING',
        startedAt: c.openedAt.toISOString(),
        dueAt: new Date(c.openedAt.getTime() + 4 * HOUR).toISOString(),
        fulfilledAt: null,
      });
    });

    it('is met by a first outbound contact within 4 hours, and breached without one', async () => {
      const met = await caseOpened(6);
      const contact = await interaction(met.id, 'OUTBOUND', 3);
      await interaction(met.id, 'OUTBOUND', 1);
      expect((await sla(met.id)).goldenHours).toMatchObject({ state: 'MET', fulfilledAt: contact.at.toISOString() });

      const breached = await caseOpened(5);
      expect((await sla(breached.id)).goldenHours).toMatchObject({ state: 'BREACHED', fulfilledAt: null });

      const late = await caseOpened(8);
      const lateContact = await interaction(late.id, 'OUTBOUND', 2);
      expect((await sla(late.id)).goldenHours).toMatchObject({ state: 'BREACHED', fulfilledAt: lateContact.at.toISOString() });
    });

    it('is not owed by LOW and MEDIUM impact cases', async () => {
      const c = await caseOpened(50, ImpactLevel.MEDIUM);
      expect((await sla(c.id)).goldenHours).toMatchObject({ state: 'NOT_REQUIRED', dueAt: null });
    });
  });

  describe('every message answered', () => {
    it('is not owed while nothing came in', async () => {
      const c = await caseOpened(1);
      expect((await sla(c.id)).reply).toEqual({ state: 'NOT_REQUIRED', startedAt: null, dueAt: null, fulfilledAt: null });
    });

    it('runs from the oldest unanswered inbound message: pending, then breached', async () => {
      const c = await caseOpened(60);
      await interaction(c.id, 'OUTBOUND', 59);
      const oldest = await interaction(c.id, 'INBOUND', 2);
      await interaction(c.id, 'INBOUND', 1);
      expect((await sla(c.id)).reply).toEqual({
        state: 'PENDING',
        startedAt: oldest.at.toISOString(),
        dueAt: new Date(oldest.at.getTime() + 24 * HOUR).toISOString(),
        fulfilledAt: null,
      });
      await t.dataSource.query(`UPDATE interactions SET occurred_at = occurred_at - interval '30 hours' WHERE id = $1`, [oldest.id]);
      expect((await sla(c.id)).reply).toMatchObject({ state: 'BREACHED', fulfilledAt: null });
    });

    it('shows the latest answered message when all are answered: met in time, breached when late', async () => {
      const c = await caseOpened(100);
      await interaction(c.id, 'INBOUND', 90);
      await interaction(c.id, 'OUTBOUND', 80);
      const asked = await interaction(c.id, 'INBOUND', 30);
      await interaction(c.id, 'INBOUND', 28);
      const reply = await interaction(c.id, 'OUTBOUND', 10);
      expect((await sla(c.id)).reply).toEqual({
        state: 'MET',
        startedAt: asked.at.toISOString(),
        dueAt: new Date(asked.at.getTime() + 24 * HOUR).toISOString(),
        fulfilledAt: reply.at.toISOString(),
      });
      await t.dataSource.query(`UPDATE interactions SET occurred_at = occurred_at - interval '20 hours' WHERE id = $1`, [asked.id]);
      expect((await sla(c.id)).reply).toMatchObject({ state: 'BREACHED', fulfilledAt: reply.at.toISOString() });
    });
  });

  it('loads the SLA of a whole page of cases with the same number of queries for 10 as for 100', async () => {
    for (let i = 0; i < 100; i += 1) {
      const c = await caseOpened(i % 7);
      if (i % 3 === 0) await interaction(c.id, 'INBOUND', 0.5);
      if (i % 2 === 0) await interaction(c.id, 'OUTBOUND', 0.2);
    }
    const ten = await t.countQueries(() => t.ok(CASES_SLA, { first: 10 }, admin.token));
    const hundred = await t.countQueries(() => t.ok(CASES_SLA, { first: 100 }, admin.token));
    expect(hundred).toBe(ten);
    const page = await t.ok(CASES_SLA, { first: 100 }, admin.token);
    expect(page.recoveryCases.edges).toHaveLength(100);
  });

  describe('escalations', () => {
    it('raises a golden-hours breach to the owner once, then to every active leader once, however often the sweep runs', async () => {
      const c = await caseOpened(5);
      await sweep.run();
      const [ownerLevel, ...none] = await escalationsOf(c.id);
      expect(none).toEqual([]);
      expect(ownerLevel).toMatchObject({ kind: 'GOLDEN_HOURS_BREACHED', subjectId: c.id, level: 'OWNER', open: true });
      expect(await notificationsFor(owner.id, [ownerLevel.id])).toEqual([
        expect.objectContaining({ kind: 'SLA_ESCALATION', title: expect.stringContaining('golden hours') }),
      ]);

      const before = { escalations: await t.rowCount('sla_escalations'), notifications: await t.rowCount('notifications') };
      await sweep.run();
      await sweep.run();
      expect(await t.rowCount('sla_escalations')).toBe(before.escalations);
      expect(await t.rowCount('notifications')).toBe(before.notifications);

      await ageEscalations(c.id, 5);
      await sweep.run();
      await sweep.run();
      const leadership = (await escalationsOf(c.id)).find((e: any) => e.level === 'LEADERSHIP');
      expect(leadership).toMatchObject({ kind: 'GOLDEN_HOURS_BREACHED', subjectId: c.id, open: true });
      for (const leader of leaders) {
        expect(await notificationsFor(leader.id, [leadership.id])).toEqual([
          expect.objectContaining({ kind: 'SLA_ESCALATION', title: expect.stringMatching(/^Escalated to leadership/) }),
        ]);
      }
      expect(await notificationsFor(inactiveLeaderId, [leadership.id])).toEqual([]);
      expect(await notificationsFor(owner.id, [leadership.id])).toEqual([]);
      // The owner reads it in the app, too.
      const mine = await t.ok(`{ myNotifications(first: 100) { edges { node { kind recordId } } } }`, {}, owner.token);
      expect(mine.myNotifications.edges.map((e: any) => e.node)).toContainEqual({ kind: 'SLA_ESCALATION', recordId: ownerLevel.id });
    });

    it('raises an unanswered inbound message, keyed by that message, and not a newer one on the same case', async () => {
      const c = await caseOpened(80);
      await interaction(c.id, 'OUTBOUND', 79);
      const unanswered = await interaction(c.id, 'INBOUND', 30);
      await interaction(c.id, 'INBOUND', 26);
      const answeredCase = await caseOpened(80);
      await interaction(answeredCase.id, 'OUTBOUND', 79);
      await interaction(answeredCase.id, 'INBOUND', 30);
      await interaction(answeredCase.id, 'OUTBOUND', 20);

      await sweep.run();
      expect(await escalationsOf(c.id)).toEqual([
        expect.objectContaining({
          kind: 'REPLY_BREACHED',
          subjectId: unanswered.id,
          level: 'OWNER',
          dueAt: new Date(unanswered.at.getTime() + 24 * HOUR).toISOString(),
        }),
      ]);
      expect(await escalationsOf(answeredCase.id)).toEqual([]);
    });

    it('stops at the owner once acknowledged; only the owner, LEADERSHIP or ADMIN may acknowledge', async () => {
      const c = await caseOpened(5);
      await sweep.run();
      const [escalation] = await escalationsOf(c.id);

      const refused = await t.gql(ACK, { id: escalation.id }, otherAgent.token);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect((await escalationsOf(c.id))[0]).toMatchObject({ acknowledgedAt: null, open: true });
      expect(errorCode(await t.gql(ACK, { id: '00000000-0000-4000-8000-000000000000' }, owner.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ACK, { id: 'nope' }, owner.token))).toBe('BAD_USER_INPUT');

      const acked = (await t.ok(ACK, { id: escalation.id }, owner.token)).acknowledgeEscalation;
      expect(acked).toMatchObject({ open: false, acknowledgedBy: { id: owner.id } });
      const again = (await t.ok(ACK, { id: escalation.id }, leaders[0].token)).acknowledgeEscalation;
      expect(again).toEqual(acked);

      await ageEscalations(c.id, 10);
      await sweep.run();
      expect(await escalationsOf(c.id)).toHaveLength(1);
      expect((await t.ok(ESCALATIONS, { caseId: c.id, open: true }, admin.token)).escalations.totalCount).toBe(0);
    });

    it('resolves an escalation when the obligation is met late, so it does not go up to leadership', async () => {
      const c = await caseOpened(6);
      await sweep.run();
      await interaction(c.id, 'OUTBOUND', 0);
      await ageEscalations(c.id, 10);
      await sweep.run();
      const list = await escalationsOf(c.id);
      expect(list).toEqual([expect.objectContaining({ level: 'OWNER', open: false, acknowledgedAt: null, resolvedAt: expect.any(String) })]);
    });

    it('escalates overdue open tasks and reminds owners of tasks about to fall due, each once', async () => {
      const c = await caseOpened(1);
      await interaction(c.id, 'OUTBOUND', 0.5);
      const [cadence] = await t.dataSource.query(
        `INSERT INTO cadences (name, created_by_id) VALUES ('SLA test cadence', $1) RETURNING id`,
        [admin.id],
      );
      const [enrolment] = await t.dataSource.query(
        `INSERT INTO cadence_enrolments (case_id, cadence_id, enrolled_by_id) VALUES ($1, $2, $3) RETURNING id`,
        [c.id, cadence.id, admin.id],
      );
      const task = async (position: number, dueInMinutes: number, status = 'OPEN'): Promise<string> => {
        const [row] = await t.dataSource.query(
          `INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action,
                                       due_at, original_due_at, status, completed_at)
           SELECT $1, c.id, $2, 'PHONE', 'CALL', $6::timestamptz + make_interval(mins => $3),
                  $6::timestamptz + make_interval(mins => $3), $4::outreach_task_status, CASE WHEN $4 = 'OPEN' THEN NULL ELSE $6::timestamptz END
             FROM recovery_cases c WHERE c.id = $5 RETURNING id`,
          [enrolment.id, position, dueInMinutes, status, c.id, clock.now()],
        );
        return row.id;
      };
      const overdue = await task(1, -90);
      const doneLate = await task(2, -60, 'DONE');
      const dueSoon = await task(3, 30);
      const later = await task(4, 180);

      for (let run = 0; run < 3; run += 1) await sweep.run();

      const escalations = await escalationsOf(c.id);
      expect(escalations).toEqual([expect.objectContaining({ kind: 'TASK_OVERDUE', subjectId: overdue, level: 'OWNER', open: true })]);
      expect(await notificationsFor(owner.id, [escalations[0].id])).toEqual([
        expect.objectContaining({ kind: 'SLA_ESCALATION', title: expect.stringContaining('overdue') }),
      ]);
      const reminders = await t.dataSource.query(`SELECT record_id, user_id FROM notifications WHERE kind = 'TASK_DUE_SOON' AND record_id = ANY($1)`, [
        [overdue, doneLate, dueSoon, later],
      ]);
      expect(reminders).toEqual([{ record_id: dueSoon, user_id: owner.id }]);

      await t.dataSource.query(`UPDATE outreach_tasks SET status = 'DONE', completed_at = $2 WHERE id = $1`, [overdue, clock.now()]);
      await ageEscalations(c.id, 10);
      await sweep.run();
      expect(await escalationsOf(c.id)).toEqual([expect.objectContaining({ level: 'OWNER', open: false, resolvedAt: expect.any(String) })]);
    });

    it('neither escalates nor reminds the tasks of a paused enrolment', async () => {
      const c = await caseOpened(8);
      await interaction(c.id, 'OUTBOUND', 0.5);
      const [cadence] = await t.dataSource.query(
        `INSERT INTO cadences (name, created_by_id) VALUES ('Paused SLA test cadence', $1) RETURNING id`,
        [admin.id],
      );
      const [enrolment] = await t.dataSource.query(
        `INSERT INTO cadence_enrolments (case_id, cadence_id, enrolled_by_id, status, paused_at)
         VALUES ($1, $2, $3, 'PAUSED', $4) RETURNING id`,
        [c.id, cadence.id, admin.id, clock.now()],
      );
      const tasks = await t.dataSource.query(
        `INSERT INTO outreach_tasks (enrolment_id, case_id, step_position, channel, action, due_at, original_due_at)
         SELECT $1, c.id, p, 'PHONE', 'CALL', $3::timestamptz + make_interval(mins => m), $3::timestamptz + make_interval(mins => m)
           FROM recovery_cases c, (VALUES (1, -90), (2, 30)) AS steps (p, m) WHERE c.id = $2 RETURNING id`,
        [enrolment.id, c.id, clock.now()],
      );
      await sweep.run();
      expect(await escalationsOf(c.id)).toEqual([]);
      const reminders = await t.dataSource.query(`SELECT 1 FROM notifications WHERE record_id = ANY($1)`, [tasks.map((r: { id: string }) => r.id)]);
      expect(reminders).toEqual([]);
    });

    it('shows an agent only the escalations of cases they own', async () => {
      const c = await caseOpened(7);
      await sweep.run();
      expect(await escalationsOf(c.id, owner.token)).toHaveLength(1);
      expect(await escalationsOf(c.id, otherAgent.token)).toEqual([]);
    });
  });

  describe('queue dashboard', () => {
    const get = (url: string, token?: string) =>
      t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('is for signed-in admins only', async () => {
      expect((await get('/admin/queues')).statusCode).toBe(401);
      expect((await get('/admin/queues', 'not-a-token')).statusCode).toBe(401);
      const agent = await get('/admin/queues', owner.token);
      expect(agent.statusCode).toBe(403);
      expect(agent.json().error).toContain('ADMIN');
      expect((await get('/admin/queues/api/queues', leaders[0].token)).statusCode).toBe(403);

      const page = await get('/admin/queues', admin.token);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const api = await get('/admin/queues/api/queues', admin.token);
      expect(api.statusCode).toBe(200);
      expect(api.json().queues.map((q: { name: string }) => q.name).sort()).toEqual(['import-dry-runs', 'imports', 'maintenance', 'outreach', 'trust']);
    });

    it('hands a browser a path-scoped cookie, for admins only', async () => {
      const refused = await t.app.inject({ method: 'POST', url: '/admin/queues/session', headers: { authorization: `Bearer ${owner.token}` } });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['set-cookie']).toBeUndefined();

      const session = await t.app.inject({ method: 'POST', url: '/admin/queues/session', headers: { authorization: `Bearer ${admin.token}` } });
      expect(session.statusCode).toBe(204);
      const cookie = String(session.headers['set-cookie']);
      expect(cookie).toMatch(/^regain_queues_token=[^;]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
      const page = await t.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: cookie.split(';')[0] } });
      expect(page.statusCode).toBe(200);
      const forged = await t.app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: `regain_queues_token=${owner.token}` } });
      expect(forged.statusCode).toBe(403);
    });
  });

  describe('settings', () => {
    const auditCount = () => t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'SLA_SETTINGS'`).then((r) => r[0].n);

    it('defaults to 4 golden hours for HIGH and CRITICAL, 24 h to reply, 4 h to escalate', async () => {
      const { slaSettings } = await t.ok(SETTINGS, {}, otherAgent.token);
      expect(slaSettings).toEqual({
        goldenHours: ['MINOR', 'MODERATE', 'SEVERE', 'CRITICAL'].map((severity) => ({ severity, hours: 4 })),
        goldenHoursImpacts: ['HIGH', 'CRITICAL'],
        replyWithinHours: 24,
        escalateAfterHours: 4,
        taskReminderMinutes: 60,
      });
    });

    it('refuses non-admins, negative and non-integer hours, changing nothing', async () => {
      const before = await t.ok(SETTINGS, {}, admin.token);
      const audits = await auditCount();
      const cases: [SignedIn, Record<string, unknown>, string][] = [
        [leaders[0], { replyWithinHours: 12 }, 'FORBIDDEN'],
        [owner, { replyWithinHours: 12 }, 'FORBIDDEN'],
        [admin, { replyWithinHours: -1 }, 'BAD_USER_INPUT'],
        [admin, { escalateAfterHours: 0 }, 'BAD_USER_INPUT'],
        [admin, { replyWithinHours: 2.5 }, 'BAD_USER_INPUT'],
        [admin, { goldenHours: [{ severity: 'SEVERE', hours: -4 }] }, 'BAD_USER_INPUT'],
        [admin, { goldenHours: [{ severity: 'SEVERE', hours: 1.5 }] }, 'BAD_USER_INPUT'],
        [admin, { goldenHours: [{ severity: 'SEVERE', hours: 2 }, { severity: 'SEVERE', hours: 3 }] }, 'BAD_USER_INPUT'],
        [admin, { taskReminderMinutes: 100000 }, 'BAD_USER_INPUT'],
      ];
      for (const [actor, input, code] of cases) {
        const res = await t.gql(UPDATE_SETTINGS, { input }, actor.token);
        expect([JSON.stringify(input), errorCode(res)]).toEqual([JSON.stringify(input), code]);
        expect(res.errors![0].message.length).toBeGreaterThan(10);
      }
      expect(await t.ok(SETTINGS, {}, admin.token)).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('lets an admin change the clocks, audited, and the SLA state follows', async () => {
      const c = await caseOpened(5);
      expect((await sla(c.id)).goldenHours.state).toBe('BREACHED');
      const res = await t.ok(
        UPDATE_SETTINGS,
        { input: { goldenHours: [{ severity: 'SEVERE', hours: 8 }], replyWithinHours: 48 } },
        admin.token,
      );
      expect(res.updateSlaSettings).toMatchObject({ replyWithinHours: 48, escalateAfterHours: 4 });
      expect(res.updateSlaSettings.goldenHours).toContainEqual({ severity: 'SEVERE', hours: 8 });
      expect(res.updateSlaSettings.goldenHours).toContainEqual({ severity: 'MINOR', hours: 4 });
      expect((await sla(c.id)).goldenHours).toMatchObject({
        state: 'PENDING',
        dueAt: new Date(c.openedAt.getTime() + 8 * HOUR).toISOString(),
      });
      const [entry] = await t.dataSource.query(
        `SELECT actor_id, action, before, after FROM audit_entries WHERE entity_type = 'SLA_SETTINGS' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({
        actor_id: admin.id,
        action: 'SLA_SETTINGS_CHANGED',
        before: expect.objectContaining({ goldenHoursSevere: 4, replyWithinHours: 24 }),
        after: expect.objectContaining({ goldenHoursSevere: 8, replyWithinHours: 48 }),
      });
      await t.ok(UPDATE_SETTINGS, { input: { goldenHours: [{ severity: 'SEVERE', hours: 4 }], replyWithinHours: 24 } }, admin.token);
    });
  });
});
