import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { CadenceBulkEnrolmentService } from '../src/modules/cadences/cadence-bulk-enrolment.service';
import { CasePriority } from '../src/modules/cases/case.enums';
import { CrisisSeverity } from '../src/modules/crises/crisis.enums';
import { planStepDueTimes } from '../src/modules/cadences/task-schedule';
import { UserRole } from '../src/modules/users/user-role.enum';
import {
  CADENCES,
  CASE_ENROLMENT,
  CREATE_CADENCE,
  DEACTIVATE_CADENCE,
  ENROL,
  MATRIX,
  MY_DAY,
  PAUSE,
  RESUME,
  SET_MATRIX,
  SKIP_TASK,
  STOP,
  UPDATE_CADENCE,
} from './support/cadence-operations';
import { CHANGE_CASE_STATUS, OPEN_CASE, REASSIGN_CASE } from './support/case-operations';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { APPROVE, CREATE_TEMPLATE, LOG_INTERACTION, SUBMIT } from './support/outreach-operations';
import { ManualClock } from './support/manual-clock';
import { errorCode, SignedIn, TestApp } from './support/test-app';

type Task = { id: string; ownerId: string; stepPosition: number; channel: string; action: string; dueAt: string; originalDueAt: string; fatigueNote: string | null; status: string; doneInteractionId: string | null; skippedReason: string | null };

const step = (offset: string, channel = 'PHONE', action = 'CALL', templateId: string | null = null) => ({ offset, channel, action, templateId });

/** Inside 09:00–17:00 on a weekday, in the zone. */
function inBusinessHours(iso: string, zone: string): boolean {
  const local = DateTime.fromISO(iso, { zone });
  return local.weekday <= 5 && local.hour >= 9 && local.hour < 17;
}

/** The suite's clock starts on a Friday afternoon, after closing time in Berlin is under four hours away. */
const FRIDAY_AFTERNOON = '2026-12-04T15:00:00Z';

describe('cadences, enrolments, outreach tasks and my day', () => {
  const clock = new ManualClock(FRIDAY_AFTERNOON);
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let roles: Record<UserRole, SignedIn>;
  let crisisId: string;
  const ds = () => t.dataSource;

  const cadence = async (steps: ReturnType<typeof step>[], name = `Cadence ${randomUUID()}`): Promise<string> =>
    (await t.ok(CREATE_CADENCE, { input: { name, steps } }, admin.token)).createCadence.id;
  const caseFor = async (owner: SignedIn, stakeholderOverrides: Record<string, unknown> = {}, caseOverrides: Record<string, unknown> = {}, crisis = crisisId) => {
    const stakeholder = await makeStakeholder(ds(), { ownerId: owner.id, ...stakeholderOverrides });
    // Opened a day before the suite's clock, so contacts logged just before "now" come after the
    // opening; in its status since the clock's now, so a status change at that now is not before it.
    const openedAt = new Date(clock.now().getTime() - 86_400_000);
    return makeCase(ds(), { crisisId: crisis, stakeholderId: stakeholder.id, ownerId: owner.id }, { createdAt: openedAt, statusChangedAt: clock.now(), ...caseOverrides });
  };
  const enrol = async (caseId: string, cadenceId: string | null, token = agent.token) => (await t.ok(ENROL, { caseId, cadenceId }, token)).enrolCase;
  const tasksOf = (enrolment: { tasks: Task[] }) => enrolment.tasks;
  const counts = async () => ({
    cadences: await t.rowCount('cadences'),
    steps: await t.rowCount('cadence_steps'),
    matrix: await t.rowCount('cadence_matrix'),
    enrolments: await t.rowCount('cadence_enrolments'),
    tasks: await t.rowCount('outreach_tasks'),
    audit: await t.rowCount('audit_entries'),
  });

  beforeAll(async () => {
    t = await TestApp.start({}, { clock });
    admin = await t.signInAdmin();
    roles = await t.signInEveryRole();
    agent = await t.signInAs(UserRole.AGENT, 'Alex Agent');
    otherAgent = await t.signInAs(UserRole.AGENT);
    crisisId = (await makeCrisis(ds(), { severity: CrisisSeverity.SEVERE })).id;
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(FRIDAY_AFTERNOON));

  describe('cadence definitions and the matrix', () => {
    it('an admin creates, updates and deactivates a cadence; every signed-in user reads them', async () => {
      const name = `Golden hours ${randomUUID()}`;
      const created = (await t.ok(CREATE_CADENCE, { input: { name, description: 'First week', steps: [step('PT4H'), step('P1D', 'EMAIL', 'EMAIL')] } }, admin.token))
        .createCadence;
      expect(created).toMatchObject({ name, isActive: true, steps: [{ position: 1, offset: 'PT4H', channel: 'PHONE', action: 'CALL' }, { position: 2, offset: 'P1D' }] });
      const updated = (await t.ok(UPDATE_CADENCE, { id: created.id, input: { steps: [step('P1M', 'VIDEO', 'MEETING')] } }, admin.token)).updateCadence;
      expect(updated.steps).toEqual([{ position: 1, offset: 'P1M', channel: 'VIDEO', action: 'MEETING', templateId: null }]);
      const list = (await t.ok(CADENCES, {}, roles.COMMS.token)).cadences;
      expect(list.map((c: { id: string }) => c.id)).toContain(created.id);
      expect((await t.ok(DEACTIVATE_CADENCE, { id: created.id }, admin.token)).deactivateCadence.isActive).toBe(false);
      expect((await t.ok(CADENCES, {}, roles.AGENT.token)).cadences.map((c: { id: string }) => c.id)).not.toContain(created.id);
      expect((await t.ok(CADENCES, { includeInactive: true }, roles.AGENT.token)).cadences.map((c: { id: string }) => c.id)).toContain(created.id);
      const [{ n }] = await ds().query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'CADENCE' AND entity_id = $1`, [created.id]);
      expect(n).toBe(3);
    });

    it('only admins change cadences and the matrix', async () => {
      const id = await cadence([step('PT4H')]);
      const before = await counts();
      for (const role of [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.COMMS, UserRole.LEADERSHIP]) {
        const token = roles[role].token;
        expect(errorCode(await t.gql(CREATE_CADENCE, { input: { name: `X ${randomUUID()}`, steps: [step('PT1H')] } }, token))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(UPDATE_CADENCE, { id, input: { name: 'Renamed' } }, token))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(DEACTIVATE_CADENCE, { id }, token))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(SET_MATRIX, { severity: 'MINOR', impact: 'LOW', cadenceId: id }, token))).toBe('FORBIDDEN');
      }
      expect(await counts()).toEqual(before);
    });

    it('sets, reads and clears a matrix entry, audited', async () => {
      const id = await cadence([step('PT4H')]);
      const set = (await t.ok(SET_MATRIX, { severity: 'MINOR', impact: 'LOW', cadenceId: id }, admin.token)).setCadenceMatrixEntry;
      expect(set).toMatchObject({ severity: 'MINOR', impact: 'LOW', cadence: { id } });
      expect((await t.ok(MATRIX, {}, roles.COMMS.token)).cadenceMatrix).toContainEqual(expect.objectContaining({ severity: 'MINOR', impact: 'LOW' }));
      expect((await t.ok(SET_MATRIX, { severity: 'MINOR', impact: 'LOW', cadenceId: null }, admin.token)).setCadenceMatrixEntry).toBeNull();
      expect((await t.ok(MATRIX, {}, admin.token)).cadenceMatrix).not.toContainEqual(expect.objectContaining({ severity: 'MINOR', impact: 'LOW' }));
      const [{ n }] = await ds().query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'CADENCE_MATRIX_SET' AND entity_id = $1`, [id]);
      expect(n).toBe(2);
    });

    it.each([
      ['a bad ISO offset', { name: 'Bad offset', steps: [step('4h')] }, 'BAD_USER_INPUT', /ISO 8601 duration/],
      ['a fractional offset', { name: 'Bad offset 2', steps: [step('P1.5D')] }, 'BAD_USER_INPUT', /ISO 8601 duration/],
      ['no steps', { name: 'Empty', steps: [] }, 'BAD_USER_INPUT', /at least one step/],
      ['a blank name', { name: '   ', steps: [step('PT1H')] }, 'BAD_USER_INPUT', /name/],
      ['an unknown channel', { name: 'Bad channel', steps: [{ offset: 'PT1H', channel: 'PIGEON', action: 'CALL' }] }, 'BAD_USER_INPUT', /PIGEON/],
      ['a non-UUID template', { name: 'Bad template', steps: [step('PT1H', 'EMAIL', 'EMAIL', 'nope')] }, 'BAD_USER_INPUT', /templateId must be a UUID/],
      ['an unknown template', { name: 'Unknown template', steps: [step('PT1H', 'EMAIL', 'EMAIL', randomUUID())] }, 'NOT_FOUND', /Message template/],
    ])('refuses a cadence with %s and writes nothing', async (_, input, code, message) => {
      const before = await counts();
      const res = await t.gql(CREATE_CADENCE, { input }, admin.token);
      expect(errorCode(res)).toBe(code);
      expect(res.errors![0].message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('refuses a duplicate name (any case) with CONFLICT', async () => {
      const name = `Unique ${randomUUID()}`;
      await cadence([step('PT1H')], name);
      const before = await counts();
      const res = await t.gql(CREATE_CADENCE, { input: { name: name.toUpperCase(), steps: [step('PT1H')] } }, admin.token);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
    });

    it('refuses a matrix entry for an unknown or deactivated cadence', async () => {
      const before = await counts();
      expect(errorCode(await t.gql(SET_MATRIX, { severity: 'MINOR', impact: 'LOW', cadenceId: randomUUID() }, admin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET_MATRIX, { severity: 'MINOR', impact: 'LOW', cadenceId: 'x' }, admin.token))).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('enrolment', () => {
    it.each(['Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin'])('creates tasks owned by the case owner, in business hours of %s', async (zone) => {
      const offsets = ['PT4H', 'P1D', 'P1M'];
      const id = await cadence(offsets.map((o, i) => step(o, i === 1 ? 'EMAIL' : 'PHONE', i === 1 ? 'EMAIL' : 'CALL')));
      const recoveryCase = await caseFor(agent, { timeZone: zone });
      const enrolment = await enrol(recoveryCase.id, id);
      expect(enrolment).toMatchObject({ status: 'ACTIVE', caseId: recoveryCase.id, cadenceId: id });
      const tasks = tasksOf(enrolment);
      expect(enrolment.enrolledAt).toBe(clock.now().toISOString());
      const planned = planStepDueTimes(clock.now(), offsets, zone, [], 3);
      expect(tasks.map((task) => task.stepPosition)).toEqual([1, 2, 3]);
      tasks.forEach((task, i) => {
        expect(task.status).toBe('OPEN');
        expect(new Date(task.dueAt).toISOString()).toBe(planned[i].dueAt.toISOString());
        expect(inBusinessHours(task.dueAt, zone)).toBe(true);
        expect(task.fatigueNote).toBeNull();
      });
      expect(new Set(tasks.map((task) => task.ownerId))).toEqual(new Set([agent.id]));
    });

    it('moves the open tasks to the new owner when the case is reassigned', async () => {
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT1H'), step('P1D')]));
      await ds().query(`UPDATE outreach_tasks SET due_at = $2::timestamptz - interval '1 hour' WHERE enrolment_id = $1`, [enrolment.id, clock.now()]);
      const onDayOf = async (user: SignedIn) =>
        (await t.ok(MY_DAY, {}, user.token)).myDay.tasks.filter((item: { case: { id: string } }) => item.case.id === recoveryCase.id).length;
      expect(await onDayOf(agent)).toBe(2);

      await t.ok(REASSIGN_CASE, { id: recoveryCase.id, ownerId: otherAgent.id, reason: 'Holiday cover' }, admin.token);

      expect(await onDayOf(agent)).toBe(0);
      expect(await onDayOf(otherAgent)).toBe(2);
      const after = (await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, otherAgent.token)).caseEnrolment;
      expect(new Set(tasksOf(after).map((task) => task.ownerId))).toEqual(new Set([otherAgent.id]));
      const skip = await t.gql(SKIP_TASK, { id: tasksOf(after)[0].id, reason: 'Not mine any more' }, agent.token);
      expect(errorCode(skip)).toBe('FORBIDDEN');
      expect((await t.ok(SKIP_TASK, { id: tasksOf(after)[0].id, reason: 'Covered by the new owner' }, otherAgent.token)).skipTask.status).toBe('SKIPPED');
    });

    it('pushes touches over the weekly limit to the next week, across cadences, and says why', async () => {
      const four = await cadence([step('P7D'), step('P7D'), step('P7D'), step('P7D')]);
      const stakeholder = await makeStakeholder(ds(), { ownerId: agent.id, timeZone: 'Europe/London' });
      const first = await makeCase(ds(), { crisisId, stakeholderId: stakeholder.id, ownerId: agent.id });
      const tasks = tasksOf(await enrol(first.id, four));
      const pushed = tasks.filter((task) => task.fatigueNote);
      expect(pushed).toHaveLength(1);
      expect(pushed[0].fatigueNote).toMatch(/already has 3 outbound touches planned in the week of/);
      expect(new Date(pushed[0].dueAt).getTime()).toBeGreaterThan(new Date(pushed[0].originalDueAt).getTime());
      expect(DateTime.fromISO(pushed[0].dueAt, { zone: 'Europe/London' }).toFormat('c HH:mm')).toBe('1 09:00');

      const otherCrisis = await makeCrisis(ds());
      const second = await makeCase(ds(), { crisisId: otherCrisis.id, stakeholderId: stakeholder.id, ownerId: agent.id });
      const [only] = tasksOf(await enrol(second.id, await cadence([step('P7D')])));
      expect(only.fatigueNote).toMatch(/already has 3 outbound touches/);
    });

    it('enrols a new case by the matrix when openCase is called, in the same transaction', async () => {
      const id = await cadence([step('PT4H'), step('P2D', 'EMAIL', 'EMAIL')]);
      await t.ok(SET_MATRIX, { severity: 'CRITICAL', impact: 'HIGH', cadenceId: id }, admin.token);
      const critical = await makeCrisis(ds(), { severity: CrisisSeverity.CRITICAL });
      const open = async (impact: string) => {
        const stakeholder = await makeStakeholder(ds(), { ownerId: agent.id });
        return (await t.ok(OPEN_CASE, { input: { crisisId: critical.id, stakeholderId: stakeholder.id, impact, estimatedLoss: { amountMinor: '1000', currency: 'EUR' } } }, agent.token))
          .openCase.id as string;
      };
      const high = await open('HIGH');
      const enrolment = (await t.ok(CASE_ENROLMENT, { caseId: high }, agent.token)).caseEnrolment;
      expect(enrolment).toMatchObject({ status: 'ACTIVE', cadenceId: id });
      expect(tasksOf(enrolment)).toHaveLength(2);
      const low = await open('LOW');
      expect((await t.ok(CASE_ENROLMENT, { caseId: low }, agent.token)).caseEnrolment).toBeNull();
      const dnc = await makeStakeholder(ds(), { ownerId: agent.id, doNotContact: true });
      const opened = (await t.ok(OPEN_CASE, { input: { crisisId: critical.id, stakeholderId: dnc.id, impact: 'HIGH', estimatedLoss: { amountMinor: '1000', currency: 'EUR' } } }, agent.token))
        .openCase.id;
      expect((await t.ok(CASE_ENROLMENT, { caseId: opened }, agent.token)).caseEnrolment).toBeNull();
    });

    it('takes the cadence from the matrix when none is given, and refuses when the matrix has none', async () => {
      const id = await cadence([step('PT4H')]);
      await t.ok(SET_MATRIX, { severity: 'SEVERE', impact: 'MEDIUM', cadenceId: id }, admin.token);
      const medium = await caseFor(agent, {}, { impact: 'MEDIUM' });
      expect((await enrol(medium.id, null)).cadenceId).toBe(id);
      const low = await caseFor(agent, {}, { impact: 'LOW' });
      const before = await counts();
      const res = await t.gql(ENROL, { caseId: low.id }, agent.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/No cadence is set in the matrix for a SEVERE crisis and LOW impact/);
      expect(await counts()).toEqual(before);
    });

    it('allows one live enrolment per case', async () => {
      const id = await cadence([step('PT4H')]);
      const recoveryCase = await caseFor(agent);
      const first = await enrol(recoveryCase.id, id);
      const before = await counts();
      const res = await t.gql(ENROL, { caseId: recoveryCase.id, cadenceId: id }, agent.token);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0].extensions).toMatchObject({ enrolmentId: first.id });
      expect(await counts()).toEqual(before);
      await t.ok(STOP, { id: first.id, reason: 'Switching cadence' }, agent.token);
      expect((await enrol(recoveryCase.id, id)).status).toBe('ACTIVE');
    });

    it('refuses a do-not-contact stakeholder, another agent’s case and bad ids, writing nothing', async () => {
      const id = await cadence([step('PT4H')]);
      const dnc = await caseFor(agent, { doNotContact: true });
      const mine = await caseFor(agent);
      const before = await counts();
      const refused = await t.gql(ENROL, { caseId: dnc.id, cadenceId: id }, agent.token);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(/do-not-contact/);
      expect(errorCode(await t.gql(ENROL, { caseId: mine.id, cadenceId: id }, otherAgent.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ENROL, { caseId: randomUUID(), cadenceId: id }, agent.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ENROL, { caseId: mine.id, cadenceId: randomUUID() }, agent.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ENROL, { caseId: 'not-a-uuid', cadenceId: id }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(ENROL, { caseId: mine.id }, roles.COMMS.token))).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('bulk enrolment plans every case as a single enrolment would, and skips the cases that cannot be enrolled', async () => {
      const offsets = ['PT4H', 'P1D', 'P3D', 'P7D'];
      const id = await cadence(offsets.map((o) => step(o)));
      const limit = t.config.outreachWeeklyTouchLimit;
      const [berlin, tokyo] = [await caseFor(agent, { timeZone: 'Europe/Berlin' }), await caseFor(agent, { timeZone: 'Asia/Tokyo' })];
      // One stakeholder, two crises, both cases enrolled at once: the second sees the first's touches.
      const twice = await makeStakeholder(ds(), { ownerId: agent.id, timeZone: 'America/Chicago' });
      const pair = [
        await makeCase(ds(), { crisisId, stakeholderId: twice.id, ownerId: agent.id }),
        await makeCase(ds(), { crisisId: (await makeCrisis(ds())).id, stakeholderId: twice.id, ownerId: agent.id }),
      ].sort((a, b) => a.id.localeCompare(b.id));
      // A stakeholder whose other case is already in a cadence: its open touches count.
      const booked = await makeStakeholder(ds(), { ownerId: agent.id, timeZone: 'Europe/London' });
      const live = await makeCase(ds(), { crisisId, stakeholderId: booked.id, ownerId: agent.id });
      await enrol(live.id, await cadence([step('PT4H'), step('P1D')]));
      const alongside = await makeCase(ds(), { crisisId: (await makeCrisis(ds())).id, stakeholderId: booked.id, ownerId: agent.id });
      const closed = await caseFor(agent, {}, { status: 'RECOVERED' });
      const dnc = await caseFor(agent, { doNotContact: true });
      const already = await caseFor(agent);
      await enrol(already.id, id);

      const bulk = t.app.get(CadenceBulkEnrolmentService);
      const all = [berlin, tokyo, ...pair, alongside, closed, dnc, already];
      const result = await bulk.enrolMany(agent.id, all.map((c) => c.id), id, 2);
      expect(result).toEqual({ enrolled: 5, tasksCreated: 20, skipped: 3 });

      const stored = async (caseId: string) => {
        const rows: { enrolled_at: Date; due_at: Date; original_due_at: Date; fatigue_note: string | null }[] = await ds().query(
          `SELECT e.enrolled_at, t.due_at, t.original_due_at, t.fatigue_note
             FROM outreach_tasks t JOIN cadence_enrolments e ON e.id = t.enrolment_id
            WHERE t.case_id = $1 AND e.cadence_id = $2 ORDER BY t.step_position`,
          [caseId, id],
        );
        return { enrolledAt: rows[0]?.enrolled_at, planned: rows.map((r) => ({ dueAt: r.due_at, originalDueAt: r.original_due_at, fatigueNote: r.fatigue_note })) };
      };
      const expectPlanned = async (caseId: string, zone: string, touches: Date[]) => {
        const { enrolledAt, planned } = await stored(caseId);
        expect(planned).toEqual(planStepDueTimes(enrolledAt, offsets, zone, touches, limit));
        return planned.map((p) => p.dueAt);
      };
      await expectPlanned(berlin.id, 'Europe/Berlin', []);
      await expectPlanned(tokyo.id, 'Asia/Tokyo', []);
      const first = await expectPlanned(pair[0].id, 'America/Chicago', []);
      await expectPlanned(pair[1].id, 'America/Chicago', first);
      const liveTouches: { due_at: Date }[] = await ds().query(`SELECT due_at FROM outreach_tasks WHERE case_id = $1 AND status = 'OPEN'`, [live.id]);
      await expectPlanned(alongside.id, 'Europe/London', liveTouches.map((r) => r.due_at));
      expect((await stored(pair[1].id)).planned.some((p) => p.fatigueNote)).toBe(true);
      for (const skipped of [closed, dnc]) expect((await stored(skipped.id)).planned).toEqual([]);
      expect(await ds().query(`SELECT count(*)::int AS n FROM cadence_enrolments WHERE case_id = $1`, [already.id])).toEqual([{ n: 1 }]);
      const audited = await ds().query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'CADENCE_ENROLLED' AND after->>'by' = 'BULK' AND after->>'cadenceId' = $1`,
        [id],
      );
      expect(audited).toEqual([{ n: 5 }]);
    });
  });

  describe('pause, resume and stop', () => {
    it('resuming moves the open tasks by the time paused, within business hours', async () => {
      const id = await cadence([step('P1D'), step('P5D', 'EMAIL', 'EMAIL')]);
      const recoveryCase = await caseFor(agent, { timeZone: 'America/Chicago' });
      const enrolment = await enrol(recoveryCase.id, id);
      const before = tasksOf(enrolment);
      expect((await t.ok(PAUSE, { id: enrolment.id }, agent.token)).pauseEnrolment.status).toBe('PAUSED');
      expect(errorCode(await t.gql(PAUSE, { id: enrolment.id }, agent.token))).toBe('CONFLICT');
      // Three days in pause.
      clock.advance(3 * 86_400_000);
      const resumed = (await t.ok(RESUME, { id: enrolment.id }, agent.token)).resumeEnrolment;
      expect(resumed).toMatchObject({ status: 'ACTIVE', pausedAt: null });
      tasksOf(resumed).forEach((task, i) => {
        const shift = new Date(task.originalDueAt).getTime() - new Date(before[i].originalDueAt).getTime();
        expect(shift).toBeGreaterThanOrEqual(3 * 86_400_000);
        expect(shift).toBeLessThan(6 * 86_400_000);
        expect(inBusinessHours(task.dueAt, 'America/Chicago')).toBe(true);
      });
      const actions = await ds().query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [enrolment.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['CADENCE_ENROLLED', 'CADENCE_ENROLMENT_PAUSED', 'CADENCE_ENROLMENT_RESUMED']);
      expect(errorCode(await t.gql(RESUME, { id: enrolment.id }, agent.token))).toBe('CONFLICT');
    });

    it('stopping cancels the open tasks and needs a reason', async () => {
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H'), step('P1D')]));
      const before = await counts();
      expect(errorCode(await t.gql(STOP, { id: enrolment.id, reason: '' }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(STOP, { id: enrolment.id, reason: 'x' }, otherAgent.token))).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
      const stopped = (await t.ok(STOP, { id: enrolment.id, reason: 'Customer asked for a pause in contact' }, agent.token)).stopEnrolment;
      expect(stopped).toMatchObject({ status: 'STOPPED', stopReason: 'Customer asked for a pause in contact' });
      expect(tasksOf(stopped).map((task) => task.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(errorCode(await t.gql(STOP, { id: enrolment.id, reason: 'again' }, agent.token))).toBe('CONFLICT');
    });

    it.each(['CHURNED', 'RECOVERED'])('stops by itself when the case becomes %s', async (status) => {
      const recoveryCase = await caseFor(agent, {}, status === 'RECOVERED' ? { status: 'RECOVERING' } : {});
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H'), step('P1D')]));
      await t.ok(CHANGE_CASE_STATUS, { id: recoveryCase.id, status, note: 'Closing' }, agent.token);
      const after = (await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment;
      expect(after).toMatchObject({ id: enrolment.id, status: 'STOPPED', stopReason: `Case became ${status}` });
      expect(tasksOf(after).every((task) => task.status === 'CANCELLED')).toBe(true);
    });

    it('stops by itself when the stakeholder becomes do-not-contact', async () => {
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H')]));
      await t.ok(`mutation ($id: ID!) { updateStakeholder(id: $id, input: { doNotContact: true }) { id } }`, { id: recoveryCase.stakeholderId }, agent.token);
      const after = (await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment;
      expect(after).toMatchObject({ id: enrolment.id, status: 'STOPPED', stopReason: 'Stakeholder marked do-not-contact' });
      expect(tasksOf(after)[0].status).toBe('CANCELLED');
    });
  });

  describe('tasks', () => {
    const log = (caseId: string, direction: string, channel: string) =>
      t.ok(
        LOG_INTERACTION,
        { input: { caseId, channel, direction, occurredAt: new Date(clock.now().getTime() - 60_000).toISOString(), outcome: 'REACHED', summary: 'Talked about the replacement units.' } },
        agent.token,
      );

    // Instants where business hours move steps: a Friday afternoon and evening, a weekend,
    // the weekends of both daylight-saving changes in Berlin, and a month end.
    it.each([
      ['a Friday afternoon', '2026-12-04T15:00:00Z'],
      ['a Friday evening', '2026-12-04T21:30:00Z'],
      ['a Saturday', '2026-12-05T10:00:00Z'],
      ['a Sunday night', '2026-12-06T23:30:00Z'],
      ['the Friday before summer time starts', '2026-03-27T15:30:00Z'],
      ['the Saturday summer time ends', '2026-10-24T12:00:00Z'],
      ['a month end', '2026-02-27T16:00:00Z'],
      ['a Tuesday morning', '2026-12-08T08:00:00Z'],
    ])('enrolled on %s, the steps keep their order and spacing, and a call does step 1', async (_, instant) => {
      clock.set(instant);
      const zone = 'Europe/Berlin';
      const offsets = ['PT4H', 'P1D', 'P2D'];
      const recoveryCase = await caseFor(agent, { timeZone: zone });
      const tasks = tasksOf(await enrol(recoveryCase.id, await cadence(offsets.map((o) => step(o)))));
      const due = tasks.map((task) => new Date(task.dueAt).getTime());
      expect(due.map((ms) => new Date(ms).toISOString())).toEqual(planStepDueTimes(clock.now(), offsets, zone, [], 3).map((p) => p.dueAt.toISOString()));
      // Each at least a day after the one before: 4 h → 1 day is 20 h, in business hours a day.
      expect(due[1] - due[0]).toBeGreaterThanOrEqual(20 * 3_600_000);
      expect(due[2] - due[1]).toBeGreaterThanOrEqual(23 * 3_600_000);
      tasks.forEach((task) => expect(inBusinessHours(task.dueAt, zone)).toBe(true));

      const logged = await log(recoveryCase.id, 'OUTBOUND', 'PHONE');
      const after = tasksOf((await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment);
      expect(after.map((task) => task.status)).toEqual(['DONE', 'OPEN', 'OPEN']);
      expect(after[0].doneInteractionId).toBe(logged.logInteraction.id);
    });

    it('an outbound interaction does the earliest open task on its channel', async () => {
      // Opened a day ago: the call is logged as made a minute ago, after the opening.
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H'), step('P1D', 'EMAIL', 'EMAIL'), step('P2D')]));
      const logged = await log(recoveryCase.id, 'OUTBOUND', 'PHONE');
      const tasks = tasksOf((await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment);
      expect(tasks.map((task) => task.status)).toEqual(['DONE', 'OPEN', 'OPEN']);
      expect(tasks[0].doneInteractionId).toBe(logged.logInteraction.id);
      expect(enrolment.id).toBeDefined();
    });

    it('an inbound reply ends the calls and emails due within 24 hours, not later ones', async () => {
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H', 'EMAIL', 'EMAIL'), step('P7D'), step('P8D', 'VIDEO', 'MEETING')]));
      const [soon, later] = tasksOf(enrolment);
      await ds().query(`UPDATE outreach_tasks SET due_at = $2::timestamptz + interval '2 hours' WHERE id = $1`, [soon.id, clock.now()]);
      const reply = await log(recoveryCase.id, 'INBOUND', 'EMAIL');
      const tasks = tasksOf((await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment);
      expect(tasks.find((task) => task.id === soon.id)).toMatchObject({ status: 'SKIPPED', doneInteractionId: reply.logInteraction.id });
      expect(tasks.find((task) => task.id === soon.id)!.skippedReason).toMatch(/Made redundant: the stakeholder contacted us/);
      expect(tasks.find((task) => task.id === later.id)!.status).toBe('OPEN');
      expect(tasks.find((task) => task.action === 'MEETING')!.status).toBe('OPEN');
    });

    it('a held meeting (outbound video) does the meeting step and ends calls due within 24 hours', async () => {
      const recoveryCase = await caseFor(agent);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT4H'), step('P2D', 'IN_PERSON', 'MEETING')]));
      const [call, meeting] = tasksOf(enrolment);
      await ds().query(`UPDATE outreach_tasks SET due_at = $2::timestamptz + interval '1 hour' WHERE id = $1`, [call.id, clock.now()]);
      const held = await log(recoveryCase.id, 'OUTBOUND', 'VIDEO');
      const tasks = tasksOf((await t.ok(CASE_ENROLMENT, { caseId: recoveryCase.id }, agent.token)).caseEnrolment);
      expect(tasks.find((task) => task.id === meeting.id)).toMatchObject({ status: 'DONE', doneInteractionId: held.logInteraction.id });
      expect(tasks.find((task) => task.id === call.id)).toMatchObject({ status: 'SKIPPED', doneInteractionId: held.logInteraction.id });
      expect(tasks.find((task) => task.id === call.id)!.skippedReason).toMatch(/a meeting was held/);
    });

    it('skips a task with a reason (owner or admin), audited; refuses without one', async () => {
      const recoveryCase = await caseFor(agent);
      const [task] = tasksOf(await enrol(recoveryCase.id, await cadence([step('PT4H')])));
      const before = await counts();
      expect(errorCode(await t.gql(SKIP_TASK, { id: task.id, reason: '' }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(SKIP_TASK, { id: task.id, reason: '   ' }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(SKIP_TASK, { id: task.id, reason: 'Not mine' }, otherAgent.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SKIP_TASK, { id: randomUUID(), reason: 'Gone' }, agent.token))).toBe('NOT_FOUND');
      expect(await counts()).toEqual(before);
      const skipped = (await t.ok(SKIP_TASK, { id: task.id, reason: 'They asked us to write instead' }, agent.token)).skipTask;
      expect(skipped).toMatchObject({ status: 'SKIPPED', skippedReason: 'They asked us to write instead' });
      expect(errorCode(await t.gql(SKIP_TASK, { id: task.id, reason: 'Again' }, admin.token))).toBe('CONFLICT');
      const [{ n }] = await ds().query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = 'OUTREACH_TASK_SKIPPED'`, [task.id]);
      expect(n).toBe(1);
    });
  });

  describe('my day', () => {
    let day: SignedIn;
    let templateId: string;

    beforeAll(async () => {
      day = await t.signInAs(UserRole.AGENT, 'Dana Day');
      const template = (
        await t.ok(
          CREATE_TEMPLATE,
          { input: { crisisId, channel: 'EMAIL', kind: 'STATEMENT', name: `Apology ${randomUUID()}`, subject: 'Sorry, {{contact.name}}', body: 'Dear {{contact.name}}, {{agent.name}} here about {{crisis.title}}.' } },
          roles.COMMS.token,
        )
      ).createMessageTemplate;
      templateId = template.id;
      await t.ok(SUBMIT, { id: template.versions[0].id }, roles.COMMS.token);
      await t.ok(APPROVE, { id: template.versions[0].id }, roles.LEADERSHIP.token);
    });

    it('lists overdue and today’s tasks by urgency, with the rendered message or why it cannot render', async () => {
      const id = await cadence([step('PT1H', 'EMAIL', 'EMAIL', templateId)]);
      const make = async (priority: CasePriority, dueSql: string, withContact: boolean) => {
        const recoveryCase = await caseFor(day, {}, { priority });
        if (withContact) await makeContact(ds(), recoveryCase.stakeholderId, { name: 'Maria Lopez' });
        const [task] = tasksOf(await enrol(recoveryCase.id, id, day.token));
        await ds().query(`UPDATE outreach_tasks SET due_at = ${dueSql} WHERE id = $1`, [task.id, clock.now()]);
        return task.id;
      };
      const oldest = await make(CasePriority.LOW, `$2::timestamptz - interval '3 hours'`, true);
      const urgent = await make(CasePriority.URGENT, `date_trunc('minute', $2::timestamptz) - interval '1 hour'`, false);
      const low = await make(CasePriority.LOW, `date_trunc('minute', $2::timestamptz) - interval '1 hour'`, true);
      const nextWeek = await make(CasePriority.URGENT, `$2::timestamptz + interval '7 days'`, true);

      const items = (await t.ok(MY_DAY, {}, day.token)).myDay.tasks;
      expect(items.map((i: { task: { id: string } }) => i.task.id)).toEqual([oldest, urgent, low]);
      expect(items.map((i: { task: { id: string } }) => i.task.id)).not.toContain(nextWeek);
      expect(items[0].task.isOverdue).toBe(true);
      expect(items[0].message).toMatchObject({ channel: 'EMAIL', subject: 'Sorry, Maria Lopez' });
      expect(items[0].message.body).toMatch(/^Dear Maria Lopez, Dana Day here about Firmware fault/);
      expect(items[1].message).toBeNull();
      expect(items[1].messageError).toMatch(/contact\.name/);
      expect(items[1].case.priority).toBe('URGENT');
    });

    it('does not list tasks of a paused enrolment', async () => {
      const other = await t.signInAs(UserRole.AGENT);
      const recoveryCase = await caseFor(other);
      const enrolment = await enrol(recoveryCase.id, await cadence([step('PT1H')]), other.token);
      await ds().query(`UPDATE outreach_tasks SET due_at = $2::timestamptz - interval '1 hour' WHERE enrolment_id = $1`, [enrolment.id, clock.now()]);
      expect((await t.ok(MY_DAY, {}, other.token)).myDay.tasks).toHaveLength(1);
      await t.ok(PAUSE, { id: enrolment.id }, other.token);
      expect((await t.ok(MY_DAY, {}, other.token)).myDay.tasks).toHaveLength(0);
    });

    it('runs a fixed number of statements for 10 or 100 tasks', async () => {
      const bulk = t.app.get(CadenceBulkEnrolmentService);
      const id = await cadence([step('PT1H', 'EMAIL', 'EMAIL', templateId)]);
      const measure = async (n: number) => {
        const user = await t.signInAs(UserRole.AGENT);
        const caseIds: string[] = [];
        for (let i = 0; i < n; i += 1) {
          const recoveryCase = await caseFor(user);
          if (i % 2 === 0) await makeContact(ds(), recoveryCase.stakeholderId);
          caseIds.push(recoveryCase.id);
        }
        const result = await bulk.enrolMany(user.id, caseIds, id);
        expect(result).toEqual({ enrolled: n, tasksCreated: n, skipped: 0 });
        await ds().query(`UPDATE outreach_tasks SET due_at = $2::timestamptz - interval '1 hour' WHERE case_id = ANY($1::uuid[])`, [caseIds, clock.now()]);
        let items: unknown[] = [];
        const statements = await t.countQueries(async () => {
          items = (await t.ok(MY_DAY, {}, user.token)).myDay.tasks;
        });
        expect(items).toHaveLength(n);
        return statements;
      };
      const ten = await measure(10);
      const hundred = await measure(100);
      expect(hundred).toBe(ten);
    });
  });
});
