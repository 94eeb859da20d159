import { DataSource } from 'typeorm';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { APPROVE, ISSUE, PROPOSE, proposal } from './support/compensation-operations';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { CASE_TIMELINE, LOG_INTERACTION } from './support/outreach-operations';
import { SignedIn, TestApp } from './support/test-app';

const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const COMPLETE = `mutation ($id: ID!, $s: String!, $n: Int!) { completeMeeting(id: $id, outcomeSummary: $s, sentiment: $n) { id status } }`;

let slot = 0;
/** A distinct half-hour in the past, so the meeting can be completed and never clashes with another. */
function pastSlot(): { startsAt: string; endsAt: string } {
  slot += 1;
  const start = Date.UTC(2026, 0, 5, 9) + slot * 86_400_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1_800_000).toISOString() };
}

describe('case timeline with compensation steps and meetings', () => {
  let t: TestApp;
  let ds: DataSource;
  let agent: SignedIn;
  let pm: SignedIn;
  let comms: SignedIn;
  let crisis: CrisisEntity;
  let keys = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    ({ AGENT: agent, PARTNER_MANAGER: pm, COMMS: comms } = await t.signInEveryRole());
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  async function customerCase() {
    const stakeholder = await makeStakeholder(ds, { kind: StakeholderKind.CUSTOMER, ownerId: agent.id });
    // Opened before the first past meeting slot (January 2026): the contacts of the timeline happened since.
    const recoveryCase = await makeCase(ds, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: agent.id }, { estimatedLossMinor: '100000000', createdAt: new Date(Date.UTC(2026, 0, 1)) });
    return { stakeholder, recoveryCase };
  }

  const logOutbound = async (caseId: string) =>
    (
      await t.ok(LOG_INTERACTION, {
        input: {
          caseId, channel: 'PHONE', direction: 'OUTBOUND', occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          summary: 'Apologised; they want their money back.', outcome: 'REACHED', sentiment: -1,
        },
      }, agent.token)
    ).logInteraction;
  const propose = async (caseId: string) => (await t.ok(PROPOSE, { input: proposal(caseId, 'REFUND') }, agent.token)).proposeCompensation;
  const schedule = async (stakeholderId: string, caseId: string, slotTimes = pastSlot()) =>
    (
      await t.ok(SCHEDULE, {
        input: {
          kind: 'FOLLOW_UP_CALL', title: 'Check on the refund', stakeholderId, caseId, ...slotTimes,
          timeZone: 'Europe/Berlin', videoLink: 'https://meet.example.com/regain-follow-up',
        },
      }, agent.token)
    ).scheduleMeeting;

  async function timeline(caseId: string, first = 100, after?: string) {
    return (await t.ok(CASE_TIMELINE, { caseId, first, after }, comms.token)).caseTimeline;
  }

  it('lists interactions, status changes, compensation steps and meetings together, newest first, and pages across them', async () => {
    const { stakeholder, recoveryCase } = await customerCase();
    const call = await logOutbound(recoveryCase.id);
    const refund = await propose(recoveryCase.id);
    await t.ok(APPROVE, { id: refund.id }, pm.token);
    await t.ok(ISSUE, { id: refund.id, idempotencyKey: `timeline-${(keys += 1)}`, reference: 'PSP-tx-1' }, agent.token);
    const times = pastSlot();
    const meeting = await schedule(stakeholder.id, recoveryCase.id, times);
    await t.ok(COMPLETE, { id: meeting.id, s: 'They confirmed the refund arrived.', n: 1 }, agent.token);

    const page = await timeline(recoveryCase.id);
    expect(page.totalCount).toBe(9);
    const value = { amountMinor: '25000', currency: 'EUR' };
    const compensation = { __typename: 'CompensationTimelineItem', kind: 'COMPENSATION_STEP', compensationId: refund.id, compensationKind: 'REFUND', value };
    const meetingStep = { __typename: 'MeetingTimelineItem', kind: 'MEETING', meetingId: meeting.id, meetingKind: 'FOLLOW_UP_CALL' };
    expect(page.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        ...meetingStep, action: 'COMPLETED', note: 'They confirmed the refund arrived.', actor: expect.objectContaining({ id: agent.id }),
        summary: 'Follow-up call "Check on the refund" completed: They confirmed the refund arrived.',
      }),
      expect.objectContaining({
        ...meetingStep, action: 'SCHEDULED', note: null, summary: `Follow-up call "Check on the refund" scheduled for ${times.startsAt}`,
      }),
      expect.objectContaining({
        ...compensation, compensationFrom: 'APPROVED', compensationTo: 'ISSUED', summary: 'Refund of 250.00 EUR issued',
        actor: expect.objectContaining({ id: agent.id }),
      }),
      // Approval and the case's move share one transaction (one instant); the sort key orders them.
      expect.objectContaining({ kind: 'STATUS_CHANGE', fromStatus: 'CONTACTED', toStatus: 'COMPENSATING' }),
      expect.objectContaining({
        ...compensation, compensationFrom: 'PROPOSED', compensationTo: 'APPROVED', summary: 'Refund of 250.00 EUR approved',
        actor: expect.objectContaining({ id: pm.id }),
        details: expect.objectContaining({ compensationId: refund.id, kind: 'REFUND', from: 'PROPOSED', to: 'APPROVED', value }),
      }),
      expect.objectContaining({ ...compensation, compensationFrom: null, compensationTo: 'PROPOSED', summary: 'Refund of 250.00 EUR proposed' }),
      expect.objectContaining({ kind: 'STATUS_CHANGE', fromStatus: 'IDENTIFIED', toStatus: 'CONTACTED' }),
      expect.objectContaining({ __typename: 'InteractionTimelineItem', id: call.id }),
      // Completing the meeting logged it as an interaction at the meeting's start.
      expect.objectContaining({ __typename: 'InteractionTimelineItem', occurredAt: times.startsAt }),
    ]);

    const all = page.edges.map((e: any) => e.node.id);
    for (const size of [1, 2, 4]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const next = await timeline(recoveryCase.id, size, after);
        expect(next.totalCount).toBe(9);
        seen.push(...next.edges.map((e: any) => e.node.id));
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('leaves out compensations and meetings of other cases', async () => {
    const { stakeholder, recoveryCase } = await customerCase();
    // One case per stakeholder and crisis: the other case is about another crisis.
    const otherCrisis = await makeCrisis(ds);
    const other = await makeCase(ds, { crisisId: otherCrisis.id, stakeholderId: stakeholder.id, ownerId: agent.id }, { estimatedLossMinor: '100000000' });
    await propose(other.id);
    await schedule(stakeholder.id, other.id);
    await t.ok(SCHEDULE, {
      input: { kind: 'FOLLOW_UP_CALL', title: 'No case', stakeholderId: stakeholder.id, ...pastSlot(), timeZone: 'UTC', location: 'Their office' },
    }, agent.token);
    const mine = await propose(recoveryCase.id);

    const page = await timeline(recoveryCase.id);
    expect(page.totalCount).toBe(1);
    expect(page.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ compensationId: mine.id, compensationTo: 'PROPOSED' })]);
  });

  it('costs the same number of statements for 1 and 6 steps of each source', async () => {
    async function statementsFor(steps: number) {
      const { stakeholder, recoveryCase } = await customerCase();
      await logOutbound(recoveryCase.id);
      for (let i = 0; i < steps; i += 1) {
        await propose(recoveryCase.id);
        await schedule(stakeholder.id, recoveryCase.id);
      }
      let page: any;
      const count = await t.countQueries(async () => {
        page = await timeline(recoveryCase.id);
      });
      expect(page.totalCount).toBe(2 + 2 * steps);
      return count;
    }
    expect(await statementsFor(1)).toBe(await statementsFor(6));
  });
});
