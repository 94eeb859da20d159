import { DEMO_PASSWORD } from '../../src/demo/demo-users';
import { TestApp } from './test-app';

/**
 * The screen-sized queries each demo role starts from, asserted non-empty against the demo data
 * loaded at `now`: what a person signing in on a fresh install would see.
 */
export interface DemoSession {
  id: string;
  token: string;
}

export async function signInDemo(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<DemoSession> {
  const token = await t.login(email, password);
  const me = await t.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token);
  return { id: me.me.id, token };
}

export const MY_DAY = `{ myDay { tasks { task { id dueAt status channel } case { id status } message { body } messageError } overdueCommitments { id dueOn } } }`;

export const MY_CASES = `query ($status: [CaseStatus!]) { myCases(first: 20, status: $status) { totalCount edges { node { id status stakeholderId stakeholder { name } } } } }`;

export const CASE_PAGE = `query ($id: ID!) {
  recoveryCase(id: $id) {
    id status estimatedLoss { amountMinor currency }
    compensations { id kind status value { amountMinor currency } }
    trust { index band }
    trustHistory { monthIndex trustIndex band }
    sla { goldenHours { state } }
  }
  caseTimeline(caseId: $id, first: 20) { totalCount }
  caseEnrolment(caseId: $id) { status }
}`;

export const APPROVAL_QUEUE = `{ compensationApprovalQueue(first: 20) { totalCount edges { node { id status value { amountMinor currency } } } } }`;

export const NOTIFICATIONS = `{ myNotifications(first: 20) { totalCount edges { node { kind title readAt } } } unreadNotificationCount }`;

export const MEETINGS = `query ($attendeeId: ID, $status: [MeetingStatus!]) {
  meetings(first: 20, attendeeId: $attendeeId, status: $status) { totalCount edges { node { id kind status startsAt endsAt attendees { id } } } }
}`;

export const RECOVERY_PLAN = `query ($id: ID!) { recoveryPlan(stakeholderId: $id) { open { id ownerUserId ownerContactId } done { id } dropped { id } } }`;

export const CRISES = `{ crises(first: 20) { totalCount edges { node { id title severity phase } } } }`;

export const TEMPLATES = `query ($crisisId: ID!) {
  messageTemplates(crisisId: $crisisId, first: 20) { totalCount edges { node { id channel name approvedVersion { id status } versions { version status } } } }
}`;

export const CADENCES = `{ cadences { id name steps { position offset channel action } } cadenceMatrix { severity impact cadence { id } } }`;

export const DASHBOARD = `query ($id: ID!) {
  crisisDashboard(crisisId: $id) {
    crisisTitle
    response { cases casesByStatus { status count } contactedWithinGoldenHours { numerator denominator } outboundWithApprovedTemplate { numerator denominator } medianSecondsToFirstContact }
    cost { byCurrency { currency } compensationByKindAndStatus { kind status count } }
    recoveryCurve { monthIndex cases averageTrustIndex nps { score respondents promoters detractors } retention { basisPoints } revenueVsBaseline { currency } }
    timeToRecovery { cases recoveredEver { numerator denominator } }
    atRisk(first: 10) { caseId trustIndex reasons { code } }
  }
}`;

export const COMPARE = `query ($ids: [ID!]!) { compareCrises(crisisIds: $ids) { crisisId recoveryCurve { monthIndex cases } } }`;

export const IMPORTS = `{ imports(first: 10) { totalCount edges { node { id kind status fileName result { rowsTotal rowsRejected } dryRun { firstErrors { line column reason } } } } } }`;

const DAY_MS = 86_400_000;

interface Edge<T> {
  node: T;
}

/**
 * Signs in as each demo role and runs the queries of the screens that role works in, asserting
 * each returns something to show, and that the crisis dashboards show a recovery: a deep dip
 * at the crisis, then trust and NPS climbing, some cases recovered and a few churned.
 */
export async function expectEveryScreenFilled(
  t: TestApp,
  now: Date,
  options: { dueLaterToday: boolean; admin: { email: string; password: string } },
): Promise<void> {
  const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const [agent, partners, comms, leadership] = await Promise.all(
    ['agent@regain.local', 'partners@regain.local', 'comms@regain.local', 'leadership@regain.local'].map((email) => signInDemo(t, email)),
  );
  const admin = await signInDemo(t, options.admin.email, options.admin.password);
  const crises = (await t.ok<any>(CRISES, {}, leadership.token)).crises.edges.map((e: Edge<any>) => e.node);
  const severe = crises.find((c: any) => c.severity === 'SEVERE');
  const closed = crises.find((c: any) => c.phase === 'CLOSED');
  expect(severe).toEqual(expect.objectContaining({ phase: 'RECOVERY' }));
  expect(closed).toBeDefined();

  // agent@: my day (overdue first, and on a working day something due later today), my cases, a case page.
  const day = (await t.ok<any>(MY_DAY, {}, agent.token)).myDay;
  const dues = day.tasks.map((i: any) => new Date(i.task.dueAt).getTime());
  expect(dues.some((d: number) => d < now.getTime())).toBe(true);
  if (options.dueLaterToday) expect(dues.some((d: number) => d >= now.getTime() && d < startOfDay + DAY_MS)).toBe(true);
  expect(day.tasks.some((i: any) => i.message?.body)).toBe(true);
  expect(day.overdueCommitments.length).toBeGreaterThan(0);
  const cases = (await t.ok<any>(MY_CASES, { status: ['RECOVERING'] }, agent.token)).myCases;
  expect(cases.totalCount).toBeGreaterThan(0);
  const page = await t.ok<any>(CASE_PAGE, { id: cases.edges[0].node.id }, agent.token);
  expect(page.recoveryCase.compensations.length).toBeGreaterThan(0);
  expect(page.recoveryCase.trustHistory.length).toBeGreaterThanOrEqual(6);
  expect(page.caseTimeline.totalCount).toBeGreaterThan(3);
  expect((await t.ok<any>(NOTIFICATIONS, {}, agent.token)).myNotifications.totalCount).toBeGreaterThan(0);
  expect((await t.ok<any>(TEMPLATES, { crisisId: severe.id }, agent.token)).messageTemplates.totalCount).toBeGreaterThan(0);
  const agentMeetings = (await t.ok<any>(MEETINGS, { attendeeId: agent.id, status: ['SCHEDULED', 'COMPLETED'] }, agent.token)).meetings;
  expect(agentMeetings.totalCount).toBeGreaterThan(0);

  // partners@: approvals waiting within their limit, the week's meetings (an executive visit), past ones with a plan.
  const partnerQueue = (await t.ok<any>(APPROVAL_QUEUE, {}, partners.token)).compensationApprovalQueue;
  expect(partnerQueue.totalCount).toBeGreaterThan(0);
  expect(partnerQueue.edges.every((e: Edge<any>) => BigInt(e.node.value.amountMinor) <= 500_000n)).toBe(true);
  const upcoming = (await t.ok<any>(MEETINGS, { attendeeId: partners.id, status: ['SCHEDULED'] }, partners.token)).meetings.edges.map((e: Edge<any>) => e.node);
  const thisWeek = upcoming.filter((m: any) => new Date(m.startsAt).getTime() > now.getTime() && new Date(m.startsAt).getTime() < now.getTime() + 7 * DAY_MS);
  expect(thisWeek.length).toBeGreaterThan(0);
  expect(thisWeek.some((m: any) => m.kind === 'EXECUTIVE_VISIT')).toBe(true);
  const past = (await t.ok<any>(MEETINGS, { attendeeId: partners.id, status: ['COMPLETED'] }, partners.token)).meetings.edges.map((e: Edge<any>) => e.node);
  expect(past.length).toBeGreaterThan(0);
  const partnerCases = (await t.ok<any>(MY_CASES, {}, partners.token)).myCases;
  expect(partnerCases.totalCount).toBeGreaterThan(0);
  const plans = await Promise.all(
    partnerCases.edges.map((e: Edge<any>) => t.ok<any>(RECOVERY_PLAN, { id: e.node.stakeholderId }, partners.token)),
  );
  const commitments = plans.flatMap((p) => [...p.recoveryPlan.open, ...p.recoveryPlan.done, ...p.recoveryPlan.dropped]);
  expect(commitments.length).toBeGreaterThan(0);
  expect(plans.flatMap((p) => p.recoveryPlan.open).every((c: any) => c.ownerUserId || c.ownerContactId)).toBe(true);
  expect((await t.ok<any>(NOTIFICATIONS, {}, partners.token)).myNotifications.totalCount).toBeGreaterThan(0);
  const own = (await t.ok<any>(DASHBOARD, { id: severe.id }, partners.token)).crisisDashboard;
  expect(own.recoveryCurve.length).toBeGreaterThan(0);

  // comms@: every channel has approved wording, one version waits for their review, and they were told.
  const templates = (await t.ok<any>(TEMPLATES, { crisisId: severe.id }, comms.token)).messageTemplates.edges.map((e: Edge<any>) => e.node);
  expect(new Set(templates.filter((tpl: any) => tpl.approvedVersion).map((tpl: any) => tpl.channel)).size).toBe(8);
  expect(templates.flatMap((tpl: any) => tpl.versions).filter((v: any) => v.status === 'IN_REVIEW')).toHaveLength(1);
  const commsNotes = (await t.ok<any>(NOTIFICATIONS, {}, comms.token)).myNotifications;
  expect(commsNotes.edges.map((e: Edge<any>) => e.node.kind)).toContain('TEMPLATE_VERSION_SUBMITTED');

  // leadership@: proposals only they may approve, their executive visit, and the dashboards with every section.
  const leaderQueue = (await t.ok<any>(APPROVAL_QUEUE, {}, leadership.token)).compensationApprovalQueue;
  expect(leaderQueue.totalCount).toBeGreaterThan(partnerQueue.totalCount);
  const leaderWeek = (await t.ok<any>(MEETINGS, { attendeeId: leadership.id, status: ['SCHEDULED'] }, leadership.token)).meetings.edges;
  expect(leaderWeek.some((e: Edge<any>) => e.node.kind === 'EXECUTIVE_VISIT')).toBe(true);
  expect((await t.ok<any>(NOTIFICATIONS, {}, leadership.token)).myNotifications.totalCount).toBeGreaterThan(0);
  const board = (await t.ok<any>(DASHBOARD, { id: severe.id }, leadership.token)).crisisDashboard;
  const count = (status: string) => board.response.casesByStatus.find((s: any) => s.status === status).count;
  expect(count('RECOVERED')).toBeGreaterThan(0);
  expect(count('CHURNED')).toBeGreaterThan(0);
  expect(board.response.contactedWithinGoldenHours.numerator).toBeGreaterThan(0);
  expect(board.response.outboundWithApprovedTemplate.numerator).toBeGreaterThan(0);
  expect(board.cost.byCurrency.length).toBeGreaterThan(0);
  expect(board.cost.compensationByKindAndStatus.length).toBeGreaterThan(5);
  expect(board.timeToRecovery.recoveredEver.numerator).toBeGreaterThan(0);
  expect(board.atRisk.length).toBeGreaterThan(0);
  const curve = board.recoveryCurve;
  expect(curve.length).toBeGreaterThanOrEqual(6);
  const trust = curve.map((m: any) => m.averageTrustIndex);
  console.log(`recovery curve at ${now.toISOString()}: trust ${trust.join(' ')}; NPS ${curve.map((m: any) => m.nps.score).join(' ')}`);
  const lowest = Math.min(...trust);
  expect(trust[trust.length - 1]).toBeGreaterThan(lowest + 10);
  expect(trust.indexOf(lowest)).toBeLessThan(3);
  const nps = curve.map((m: any) => m.nps.score).filter((n: number | null) => n !== null);
  expect(nps.every((n: number) => n === -100)).toBe(false);
  expect(nps[nps.length - 1]).toBeGreaterThan(Math.min(...nps));
  const compared = (await t.ok<any>(COMPARE, { ids: [severe.id, closed.id] }, leadership.token)).compareCrises;
  expect(compared.every((d: any) => d.recoveryCurve.length > 0)).toBe(true);

  // admin@: the import with its rejected rows (and their file), cadences and the matrix.
  const imports = (await t.ok<any>(IMPORTS, {}, admin.token)).imports.edges.map((e: Edge<any>) => e.node);
  const withRejects = imports.find((i: any) => i.result?.rowsRejected > 0);
  expect(withRejects).toEqual(expect.objectContaining({ status: 'SUCCEEDED' }));
  expect(withRejects.dryRun.firstErrors.length).toBe(withRejects.result.rowsRejected);
  const file = await t.app.inject({ method: 'GET', url: `/imports/${withRejects.id}/rejected.csv`, headers: { authorization: `Bearer ${admin.token}` } });
  expect(file.statusCode).toBe(200);
  expect(file.body.trim().split('\n')).toHaveLength(withRejects.result.rowsRejected + 1);
  const cadences = await t.ok<any>(CADENCES, {}, admin.token);
  expect(cadences.cadences.length).toBeGreaterThanOrEqual(3);
  expect(cadences.cadenceMatrix.length).toBeGreaterThan(4);
  const enrolment = (await t.ok<any>(CASE_PAGE, { id: cases.edges[0].node.id }, admin.token)).caseEnrolment;
  expect(enrolment).not.toBeNull();
}
