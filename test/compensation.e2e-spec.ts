import { DataSource } from 'typeorm';
import { CaseStatus } from '../src/modules/cases/case.enums';
import { RecoveryCaseEntity } from '../src/modules/cases/recovery-case.entity';
import { CompensationEntity } from '../src/modules/compensation/compensation.entity';
import { COUPON_CODE_PATTERN } from '../src/modules/compensation/coupon-code';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind, StakeholderTier } from '../src/modules/stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../src/modules/stakeholders/stakeholder.entity';
import { UserRole } from '../src/modules/users/user-role.enum';
import {
  APPROVAL_POLICY,
  APPROVAL_QUEUE,
  APPROVE,
  AUDIT_TRAIL,
  CANCEL,
  COMPENSATION,
  COMPENSATIONS,
  inDays,
  ISSUE,
  PROPOSE,
  proposal,
  REJECT,
  RESPOND,
  SET_ENTITLEMENT_DEFAULT,
  SUGGESTED,
  UPDATE_APPROVAL_POLICY,
} from './support/compensation-operations';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

type Node = Record<string, any>;

describe('compensation', () => {
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let pm: SignedIn;
  let otherPm: SignedIn;
  let leader: SignedIn;
  let admin: SignedIn;
  let comms: SignedIn;
  let crisis: CrisisEntity;
  let keyCounter = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    ({ AGENT: agent, PARTNER_MANAGER: pm, LEADERSHIP: leader, ADMIN: admin, COMMS: comms } = roles);
    otherAgent = await t.signInAs(UserRole.AGENT);
    otherPm = await t.signInAs(UserRole.PARTNER_MANAGER);
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  /** A customer case owned by the agent; the loss is large unless a test is about fairness. */
  async function customerCase(overrides: Partial<RecoveryCaseEntity> = {}, stakeholder: Partial<StakeholderEntity> = {}) {
    const s = await makeStakeholder(ds, { kind: StakeholderKind.CUSTOMER, ownerId: agent.id, ...stakeholder });
    return makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: agent.id }, { estimatedLossMinor: '100000000', ...overrides });
  }

  async function partnerCase(overrides: Partial<RecoveryCaseEntity> = {}, stakeholder: Partial<StakeholderEntity> = {}) {
    const s = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER, ownerId: pm.id, ...stakeholder });
    const c = await makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: pm.id }, { estimatedLossMinor: '900000000000', ...overrides });
    return { recoveryCase: c, stakeholder: s };
  }

  const key = () => `issue-key-${(keyCounter += 1)}-${Date.now()}`;

  const propose = async (user: SignedIn, input: Record<string, unknown>): Promise<Node> =>
    (await t.ok(PROPOSE, { input }, user.token)).proposeCompensation;
  const approve = async (user: SignedIn, id: string, justification?: string): Promise<Node> =>
    (await t.ok(APPROVE, { id, justification }, user.token)).approveCompensation;
  const issue = async (user: SignedIn, id: string, reference?: string): Promise<Node> =>
    (await t.ok(ISSUE, { id, idempotencyKey: key(), reference }, user.token)).issueCompensation;

  async function trail(record: string, id: string): Promise<Node[]> {
    const data = await t.ok(AUDIT_TRAIL, { record, id }, leader.token);
    return data.auditTrail.edges.map((e: { node: Node }) => e.node);
  }

  const written = async (compensationId?: string) => [
    await t.rowCount('compensations'),
    await t.rowCount('audit_entries'),
    await t.rowCount('compensation_issue_requests'),
    await t.rowCount('compensation_entitlement_defaults'),
    compensationId && (await ds.getRepository(CompensationEntity).findOneBy({ id: compensationId })),
  ];

  /** Runs a call that must fail with `code` and write nothing. */
  async function refuse(doc: string, vars: Record<string, unknown>, user: SignedIn, code: string, compensationId?: string): Promise<GqlResponse> {
    const before = await written(compensationId);
    const res = await t.gql(doc, vars, user.token);
    expect({ code: errorCode(res), message: res.errors?.[0]?.message }).toMatchObject({ code });
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(await written(compensationId)).toEqual(before);
    return res;
  }

  describe('each kind end to end', () => {
    it('REFUND: proposed, approved (moving the case to COMPENSATING), issued with its reference, accepted; every step audited', async () => {
      const c = await customerCase({ status: CaseStatus.CONTACTED });
      const proposed = await propose(agent, proposal(c.id, 'REFUND'));
      expect(proposed).toMatchObject({
        kind: 'REFUND',
        status: 'PROPOSED',
        allowedNextStatuses: ['APPROVED', 'REJECTED', 'CANCELLED'],
        value: { amountMinor: '25000', currency: 'EUR' },
        refundReference: 'ORD-2026-118842',
        proposedBy: { id: agent.id },
        approvedBy: null,
        case: { id: c.id, status: 'CONTACTED' },
      });
      const approved = await approve(pm, proposed.id);
      expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { id: pm.id }, case: { status: 'COMPENSATING' } });
      const caseTrail = await trail('RECOVERY_CASE', c.id);
      expect(caseTrail.at(-1)).toMatchObject({
        action: 'CASE_STATUS_CHANGED',
        before: { status: 'CONTACTED' },
        after: { status: 'COMPENSATING' },
        actor: { id: pm.id },
      });

      const issued = await issue(agent, proposed.id, 'PSP-tx-7781');
      expect(issued).toMatchObject({ status: 'ISSUED', issueReference: 'PSP-tx-7781', issuedBy: { id: agent.id }, couponCode: null });
      const accepted = (await t.ok(RESPOND, { id: proposed.id, response: 'ACCEPTED' }, agent.token)).recordCompensationResponse;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', allowedNextStatuses: [], respondedBy: { id: agent.id }, declineReason: null });
      expect((await t.ok(COMPENSATION, { id: proposed.id }, comms.token)).compensation).toEqual(accepted);

      const entries = await trail('COMPENSATION', proposed.id);
      expect(entries.map((e) => e.action)).toEqual([
        'COMPENSATION_PROPOSED',
        'COMPENSATION_APPROVED',
        'COMPENSATION_ISSUED',
        'COMPENSATION_ACCEPTED',
      ]);
      expect(entries.map((e) => e.actor.id)).toEqual([agent.id, pm.id, agent.id, agent.id]);
    });

    it('COUPON: a fixed-amount and a percentage coupon get distinct unambiguous codes at issue', async () => {
      const c = await customerCase();
      const fixed = await propose(agent, proposal(c.id, 'COUPON'));
      const percent = await propose(agent, proposal(c.id, 'COUPON', { couponPercent: 100 }));
      expect(percent).toMatchObject({ couponPercent: 100, couponCode: null, couponExpiresOn: inDays(90) });
      const codes: string[] = [];
      for (const p of [fixed, percent]) {
        await approve(pm, p.id);
        const issued = await issue(agent, p.id);
        expect(issued.couponCode).toMatch(COUPON_CODE_PATTERN);
        codes.push(issued.couponCode);
      }
      expect(new Set(codes).size).toBe(2);
      // The first approval moved the IDENTIFIED case on; the second changed nothing more.
      const statusChanges = (await trail('RECOVERY_CASE', c.id)).filter((e) => e.action === 'CASE_STATUS_CHANGED');
      expect(statusChanges).toEqual([
        expect.objectContaining({ before: { status: 'IDENTIFIED' }, after: { status: 'COMPENSATING', note: 'Compensation approved', changedAt: expect.any(String) } }),
      ]);
    });

    it('SERVICE_CREDIT: issued and declined with a reason (a reason is required)', async () => {
      const c = await customerCase();
      const p = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '120000', currency: 'eur' } }));
      expect(p.value).toEqual({ amountMinor: '120000', currency: 'EUR' });
      await approve(pm, p.id);
      await issue(agent, p.id);
      await refuse(RESPOND, { id: p.id, response: 'DECLINED', reason: '  ' }, agent, 'BAD_USER_INPUT', p.id);
      const declined = (await t.ok(RESPOND, { id: p.id, response: 'DECLINED', reason: 'Prefers a refund' }, agent.token))
        .recordCompensationResponse;
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Prefers a refund', allowedNextStatuses: [] });
      await refuse(RESPOND, { id: p.id, response: 'ACCEPTED' }, agent, 'CONFLICT', p.id);
    });

    it('CUSTOM: carries its description and declared value; a RECOVERING case keeps its status on approval', async () => {
      const c = await customerCase({ status: CaseStatus.RECOVERING });
      const p = await propose(agent, proposal(c.id, 'CUSTOM'));
      expect(p).toMatchObject({ description: 'Free on-site inspection of every installed unit', value: { amountMinor: '25000' } });
      await approve(pm, p.id);
      expect((await ds.getRepository(RecoveryCaseEntity).findOneByOrFail({ id: c.id })).status).toBe(CaseStatus.RECOVERING);
      expect(await issue(admin, p.id)).toMatchObject({ status: 'ISSUED', issuedBy: { id: admin.id } });
    });

    it("CONTRACT_EXTENSION: valued from the partner's baseline; issuing extends the contract in the same transaction, audited on the stakeholder", async () => {
      const { recoveryCase, stakeholder } = await partnerCase({}, { baselineMonthlyRevenueMinor: '4500000', contractEndDate: '2027-12-31' });
      const p = await propose(pm, proposal(recoveryCase.id, 'CONTRACT_EXTENSION', { extensionMonths: 6 }));
      expect(p).toMatchObject({ extensionMonths: 6, value: { amountMinor: '27000000', currency: 'EUR' } });
      // 270,000.00 EUR is above the partner-manager limit.
      await refuse(APPROVE, { id: p.id }, otherPm, 'FORBIDDEN', p.id);
      await approve(leader, p.id);
      const issued = await issue(pm, p.id);
      expect(issued).toMatchObject({ status: 'ISSUED', contractEndBefore: '2027-12-31', contractEndAfter: '2028-06-30' });
      expect((await ds.getRepository(StakeholderEntity).findOneByOrFail({ id: stakeholder.id })).contractEndDate).toBe('2028-06-30');
      expect((await trail('STAKEHOLDER', stakeholder.id)).at(-1)).toMatchObject({
        action: 'STAKEHOLDER_CONTRACT_CHANGED',
        before: { contractEndDate: '2027-12-31' },
        after: { contractEndDate: '2028-06-30', compensationId: p.id, extensionMonths: 6 },
        actor: { id: pm.id },
      });
    });

    it('extensions over 12 months need leadership', async () => {
      const { recoveryCase } = await partnerCase({}, { baselineMonthlyRevenueMinor: '100' });
      const twelve = await propose(pm, proposal(recoveryCase.id, 'CONTRACT_EXTENSION', { extensionMonths: 12 }));
      const thirteen = await propose(pm, proposal(recoveryCase.id, 'CONTRACT_EXTENSION', { extensionMonths: 13 }));
      await approve(otherPm, twelve.id);
      const res = await refuse(APPROVE, { id: thirteen.id }, otherPm, 'FORBIDDEN', thirteen.id);
      expect(res.errors![0].message).toMatch(/more than 12 months.*LEADERSHIP/);
      await approve(leader, thirteen.id);
    });
  });

  describe('lifecycle', () => {
    it('cancels before issue with a reason, rejects with a reason, and refuses moves the table does not allow with CONFLICT', async () => {
      const c = await customerCase();
      const a = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      await refuse(ISSUE, { id: a.id, idempotencyKey: key() }, agent, 'CONFLICT', a.id);
      await approve(pm, a.id);
      const cancelled = (await t.ok(CANCEL, { id: a.id, reason: 'Customer churned anyway' }, agent.token)).cancelCompensation;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Customer churned anyway', cancelledBy: { id: agent.id } });
      await refuse(APPROVE, { id: a.id }, pm, 'CONFLICT', a.id);

      const b = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      await refuse(REJECT, { id: b.id, reason: '' }, pm, 'BAD_USER_INPUT', b.id);
      const rejected = (await t.ok(REJECT, { id: b.id, reason: 'Already refunded by the reseller' }, pm.token)).rejectCompensation;
      expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Already refunded by the reseller', rejectedBy: { id: pm.id } });
      await refuse(CANCEL, { id: b.id, reason: 'too late' }, agent, 'CONFLICT', b.id);
      expect((await trail('COMPENSATION', b.id)).at(-1)).toMatchObject({ action: 'COMPENSATION_REJECTED', after: { reason: 'Already refunded by the reseller' } });
    });

    it('lists a case’s compensation (also as RecoveryCase.compensations, batched) and filters a crisis by kind, status, stakeholder kind and segment', async () => {
      const isolated = await makeCrisis(ds);
      const c = await customerCase({ crisisId: isolated.id }, { segment: 'Hospitality' });
      const { recoveryCase: pc } = await partnerCase({ crisisId: isolated.id }, { baselineMonthlyRevenueMinor: '100' });
      const refund = await propose(agent, proposal(c.id, 'REFUND'));
      const credit = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      const ext = await propose(pm, proposal(pc.id, 'CONTRACT_EXTENSION'));
      await approve(pm, credit.id);
      const ids = async (vars: Record<string, unknown>) =>
        (await t.ok(COMPENSATIONS, vars, comms.token)).compensations.edges.map((e: { node: Node }) => e.node.id);
      expect(await ids({ caseId: c.id })).toEqual([refund.id, credit.id]);
      expect(await ids({ crisisId: isolated.id })).toEqual([refund.id, credit.id, ext.id]);
      expect(await ids({ crisisId: isolated.id, kind: ['CONTRACT_EXTENSION'] })).toEqual([ext.id]);
      expect(await ids({ crisisId: isolated.id, status: ['APPROVED'] })).toEqual([credit.id]);
      expect(await ids({ crisisId: isolated.id, stakeholderKind: 'PARTNER' })).toEqual([ext.id]);
      expect(await ids({ crisisId: isolated.id, segment: 'Hospitality' })).toEqual([refund.id, credit.id]);
      const page = (await t.ok(COMPENSATIONS, { crisisId: isolated.id, first: 2 }, comms.token)).compensations;
      expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(await ids({ crisisId: isolated.id, first: 2, after: page.pageInfo.endCursor })).toEqual([ext.id]);

      const CASES_WITH_COMPENSATION = `query ($crisisId: ID, $first: Int) { recoveryCases(crisisId: $crisisId, first: $first) {
        edges { node { id compensations { id kind proposedBy { id } } } } } }`;
      const cases = (await t.ok(CASES_WITH_COMPENSATION, { crisisId: isolated.id, first: 10 }, comms.token)).recoveryCases.edges;
      const byCase = Object.fromEntries(cases.map((e: { node: Node }) => [e.node.id, e.node.compensations.map((x: Node) => x.id)]));
      expect(byCase).toEqual({ [c.id]: [refund.id, credit.id], [pc.id]: [ext.id] });
      const one = await t.countQueries(() => t.ok(CASES_WITH_COMPENSATION, { crisisId: isolated.id, first: 1 }, comms.token));
      const both = await t.countQueries(() => t.ok(CASES_WITH_COMPENSATION, { crisisId: isolated.id, first: 10 }, comms.token));
      expect(both).toBe(one);
    });
  });

  describe('role matrix', () => {
    it('proposeCompensation: the case-owning AGENT and PARTNER_MANAGER, and ADMIN on any case; others FORBIDDEN', async () => {
      const c = await customerCase();
      const { recoveryCase: pc } = await partnerCase();
      await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      await propose(pm, proposal(pc.id, 'SERVICE_CREDIT'));
      await propose(admin, proposal(c.id, 'SERVICE_CREDIT'));
      await propose(admin, proposal(pc.id, 'SERVICE_CREDIT'));
      for (const user of [comms, leader, otherAgent, pm]) {
        await refuse(PROPOSE, { input: proposal(c.id, 'SERVICE_CREDIT') }, user, 'FORBIDDEN');
      }
      await refuse(PROPOSE, { input: proposal(pc.id, 'SERVICE_CREDIT') }, otherPm, 'FORBIDDEN');
    });

    it('approveCompensation and rejectCompensation: PARTNER_MANAGER and LEADERSHIP; AGENT, COMMS and ADMIN FORBIDDEN', async () => {
      const c = await customerCase();
      const p = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      for (const user of [otherAgent, comms, admin]) {
        await refuse(APPROVE, { id: p.id }, user, 'FORBIDDEN', p.id);
        await refuse(REJECT, { id: p.id, reason: 'no' }, user, 'FORBIDDEN', p.id);
      }
      await approve(pm, p.id);
      const q = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      await approve(leader, q.id);
      const r = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      expect((await t.ok(REJECT, { id: r.id, reason: 'Duplicate of another credit' }, leader.token)).rejectCompensation.status).toBe('REJECTED');
    });

    it('issue, cancel and response: the case owner or ADMIN; another agent, COMMS and LEADERSHIP FORBIDDEN', async () => {
      const c = await customerCase();
      const p = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      await approve(pm, p.id);
      for (const user of [otherAgent, comms, leader]) {
        await refuse(ISSUE, { id: p.id, idempotencyKey: key() }, user, 'FORBIDDEN', p.id);
        await refuse(CANCEL, { id: p.id, reason: 'no' }, user, 'FORBIDDEN', p.id);
      }
      await issue(agent, p.id);
      for (const user of [otherAgent, comms, leader]) {
        await refuse(RESPOND, { id: p.id, response: 'ACCEPTED' }, user, 'FORBIDDEN', p.id);
      }
      await t.ok(RESPOND, { id: p.id, response: 'ACCEPTED' }, admin.token);
      const q = await propose(agent, proposal(c.id, 'SERVICE_CREDIT'));
      expect((await t.ok(CANCEL, { id: q.id, reason: 'Wrong case' }, admin.token)).cancelCompensation.status).toBe('CANCELLED');
    });

    it('updateApprovalPolicy and setEntitlementDefault: ADMIN only; the approval queue: approvers only', async () => {
      for (const user of [agent, pm, comms, leader]) {
        await refuse(UPDATE_APPROVAL_POLICY, { input: { fairnessRatioPermille: 2000 } }, user, 'FORBIDDEN');
        const input = { crisisId: crisis.id, impact: 'LOW', tier: 'STANDARD', kind: 'SERVICE_CREDIT', value: { amountMinor: '100', currency: 'EUR' } };
        await refuse(SET_ENTITLEMENT_DEFAULT, { input }, user, 'FORBIDDEN');
      }
      for (const user of [agent, comms, admin]) expect(errorCode(await t.gql(APPROVAL_QUEUE, {}, user.token))).toBe('FORBIDDEN');
    });
  });

  describe('approval policy', () => {
    it('four-eyes: nobody approves their own proposal', async () => {
      const { recoveryCase } = await partnerCase();
      const p = await propose(pm, proposal(recoveryCase.id, 'SERVICE_CREDIT'));
      const res = await refuse(APPROVE, { id: p.id }, pm, 'FORBIDDEN', p.id);
      expect(res.errors![0].message).toMatch(/own proposal/);
      await refuse(REJECT, { id: p.id, reason: 'mine' }, pm, 'FORBIDDEN', p.id);
      expect((await approve(otherPm, p.id)).approvedBy.id).toBe(otherPm.id);
    });

    it('limits: a partner manager approves exactly 5,000.00, not 5,000.01; leadership approves both', async () => {
      const c = await customerCase();
      const atLimit = await propose(agent, proposal(c.id, 'REFUND', { value: { amountMinor: '500000', currency: 'EUR' } }));
      const over = await propose(agent, proposal(c.id, 'REFUND', { value: { amountMinor: '500001', currency: 'EUR' } }));
      await approve(pm, atLimit.id);
      const res = await refuse(APPROVE, { id: over.id }, pm, 'FORBIDDEN', over.id);
      expect(res.errors![0].message).toMatch(/above the PARTNER_MANAGER limit of 500000/);
      await approve(leader, over.id);
    });

    it('fairness: beyond loss × 1.5 only leadership approves, and only with a justification', async () => {
      // Loss 1,000.00: up to 1,500.00 approved and issued is fair.
      const c = await customerCase({ estimatedLossMinor: '100000' });
      const first = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '100000', currency: 'EUR' } }));
      await approve(pm, first.id);
      const rejectedBig = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '900000', currency: 'EUR' } }));
      await t.ok(REJECT, { id: rejectedBig.id, reason: 'Too much' }, pm.token);
      const exact = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '50000', currency: 'EUR' } }));
      const oneMore = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '1', currency: 'EUR' } }));
      await approve(pm, exact.id);
      const pmRes = await refuse(APPROVE, { id: oneMore.id }, pm, 'FORBIDDEN', oneMore.id);
      expect(pmRes.errors![0].message).toMatch(/Only LEADERSHIP.*estimated loss \(100000\) × 1\.5/);
      const noWhy = await refuse(APPROVE, { id: oneMore.id }, leader, 'BAD_USER_INPUT', oneMore.id);
      expect(noWhy.errors![0].message).toMatch(/justification/);
      const approved = await approve(leader, oneMore.id, 'Key reference customer; goodwill beyond the loss');
      expect(approved.approvalJustification).toBe('Key reference customer; goodwill beyond the loss');
      expect((await trail('COMPENSATION', oneMore.id)).at(-1)).toMatchObject({
        action: 'COMPENSATION_APPROVED',
        after: { exceedsFairness: true, caseCommittedMinor: '150001' },
      });
    });

    it("the approval queue lists what the signed-in approver may approve, oldest first, in a fixed number of queries", async () => {
      const policyCrisis = await makeCrisis(ds);
      const c = await customerCase({ crisisId: policyCrisis.id });
      const { recoveryCase: pc } = await partnerCase({ crisisId: policyCrisis.id }, { baselineMonthlyRevenueMinor: '100' });
      const small = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '500000', currency: 'EUR' } }));
      const big = await propose(agent, proposal(c.id, 'SERVICE_CREDIT', { value: { amountMinor: '500001', currency: 'EUR' } }));
      const ownByPm = await propose(pm, proposal(pc.id, 'SERVICE_CREDIT'));
      const longExt = await propose(pm, proposal(pc.id, 'CONTRACT_EXTENSION', { extensionMonths: 24 }));
      const unfairCase = await customerCase({ crisisId: policyCrisis.id, estimatedLossMinor: '1000' });
      const unfair = await propose(agent, proposal(unfairCase.id, 'SERVICE_CREDIT', { value: { amountMinor: '1501', currency: 'EUR' } }));
      const mine = [small.id, big.id, ownByPm.id, longExt.id, unfair.id];

      const queueOf = async (user: SignedIn) => {
        const edges = (await t.ok(APPROVAL_QUEUE, { first: 100 }, user.token)).compensationApprovalQueue.edges;
        return edges.map((e: { node: Node }) => e.node.id).filter((id: string) => mine.includes(id));
      };
      expect(await queueOf(pm)).toEqual([small.id]);
      expect(await queueOf(otherPm)).toEqual([small.id, ownByPm.id]);
      expect(await queueOf(leader)).toEqual(mine);

      const firstPage = (await t.ok(APPROVAL_QUEUE, { first: 1 }, leader.token)).compensationApprovalQueue;
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const second = (await t.ok(APPROVAL_QUEUE, { first: 1, after: firstPage.pageInfo.endCursor }, leader.token)).compensationApprovalQueue;
      expect(second.edges[0].node.id).not.toBe(firstPage.edges[0].node.id);

      const few = await t.countQueries(() => t.ok(APPROVAL_QUEUE, { first: 1 }, leader.token));
      const many = await t.countQueries(() => t.ok(APPROVAL_QUEUE, { first: 100 }, leader.token));
      expect(many).toBe(few);
    });

    it('is stored, read by anyone, changed by an admin and audited; a currency limit overrides the default', async () => {
      const initial = (await t.ok(APPROVAL_POLICY, {}, agent.token)).approvalPolicy;
      expect(initial).toEqual({
        leadershipExtensionMonthsAbove: 12,
        fairnessRatioPermille: 1500,
        limits: [
          { role: 'PARTNER_MANAGER', currency: null, limitMinor: '500000' },
          { role: 'LEADERSHIP', currency: null, limitMinor: null },
        ],
      });
      await refuse(UPDATE_APPROVAL_POLICY, { input: {} }, admin, 'BAD_USER_INPUT');
      await refuse(UPDATE_APPROVAL_POLICY, { input: { limits: [{ role: 'AGENT', currency: 'GBP', limitMinor: '1' }] } }, admin, 'BAD_USER_INPUT');
      await refuse(UPDATE_APPROVAL_POLICY, { input: { limits: [{ role: 'PARTNER_MANAGER', currency: 'GBP', limitMinor: '-1' }] } }, admin, 'BAD_USER_INPUT');

      const updated = (await t.ok(UPDATE_APPROVAL_POLICY, { input: { limits: [{ role: 'PARTNER_MANAGER', currency: 'gbp', limitMinor: '100000' }] } }, admin.token))
        .updateApprovalPolicy;
      expect(updated.limits).toContainEqual({ role: 'PARTNER_MANAGER', currency: 'GBP', limitMinor: '100000' });
      const [{ id: settingsId }] = await ds.query(`SELECT id FROM compensation_policy_settings`);
      expect((await trail('APPROVAL_POLICY', settingsId)).at(-1)).toMatchObject({
        action: 'APPROVAL_POLICY_CHANGED',
        actor: { id: admin.id },
        before: { limits: expect.not.arrayContaining([expect.objectContaining({ currency: 'GBP' })]) },
        after: { limits: expect.arrayContaining([{ role: 'PARTNER_MANAGER', currency: 'GBP', limitMinor: '100000' }]) },
      });

      const gbp = await customerCase({ lossCurrency: 'GBP' });
      const over = await propose(agent, proposal(gbp.id, 'SERVICE_CREDIT', { value: { amountMinor: '100001', currency: 'GBP' } }));
      await refuse(APPROVE, { id: over.id }, pm, 'FORBIDDEN', over.id);
      const at = await propose(agent, proposal(gbp.id, 'SERVICE_CREDIT', { value: { amountMinor: '100000', currency: 'GBP' } }));
      await approve(pm, at.id);
    });
  });

  describe('entitlement defaults', () => {
    it('pre-fill the propose form from the crisis default for the case impact and stakeholder tier; audited on the crisis', async () => {
      const c = await customerCase();
      expect((await t.ok(SUGGESTED, { caseId: c.id }, agent.token)).suggestedCompensation).toBeNull();
      const input = { crisisId: crisis.id, impact: 'HIGH', tier: 'STANDARD', kind: 'SERVICE_CREDIT', value: { amountMinor: '20000', currency: 'EUR' } };
      await t.ok(SET_ENTITLEMENT_DEFAULT, { input }, admin.token);
      const replaced = (await t.ok(SET_ENTITLEMENT_DEFAULT, { input: { ...input, kind: 'COUPON', value: { amountMinor: '30000', currency: 'EUR' } } }, admin.token))
        .setEntitlementDefault;
      expect(replaced).toMatchObject({ kind: 'COUPON', value: { amountMinor: '30000', currency: 'EUR' } });
      expect((await t.ok(SUGGESTED, { caseId: c.id }, agent.token)).suggestedCompensation).toEqual({
        kind: 'COUPON',
        value: { amountMinor: '30000', currency: 'EUR' },
        extensionMonths: null,
      });
      expect((await trail('CRISIS', crisis.id)).filter((e) => e.action === 'ENTITLEMENT_DEFAULT_SET').at(-1)).toMatchObject({
        before: { kind: 'SERVICE_CREDIT' },
        after: { kind: 'COUPON', valueMinor: '30000' },
      });

      const { recoveryCase: pc } = await partnerCase({}, { tier: StakeholderTier.KEY, baselineMonthlyRevenueMinor: '250000' });
      await t.ok(SET_ENTITLEMENT_DEFAULT, { input: { crisisId: crisis.id, impact: 'HIGH', tier: 'KEY', kind: 'CONTRACT_EXTENSION', extensionMonths: 3 } }, admin.token);
      expect((await t.ok(SUGGESTED, { caseId: pc.id }, pm.token)).suggestedCompensation).toEqual({
        kind: 'CONTRACT_EXTENSION',
        value: { amountMinor: '750000', currency: 'EUR' },
        extensionMonths: 3,
      });
      const bad = { crisisId: crisis.id, impact: 'LOW', tier: 'KEY', kind: 'CONTRACT_EXTENSION', value: { amountMinor: '1', currency: 'EUR' } };
      await refuse(SET_ENTITLEMENT_DEFAULT, { input: bad }, admin, 'BAD_USER_INPUT');
    });
  });

  describe('bad inputs give a clear error and write nothing', () => {
    let c: RecoveryCaseEntity;
    beforeAll(async () => {
      c = await customerCase();
    });

    it.each([
      ['a negative amount', { value: { amountMinor: '-100', currency: 'EUR' } }, /negative/],
      ['a zero amount', { value: { amountMinor: '0', currency: 'EUR' } }, /more than zero/],
      ['an unknown currency', { value: { amountMinor: '100', currency: 'XYZ' } }, /ISO 4217/],
      ['another currency than the case', { value: { amountMinor: '100', currency: 'USD' } }, /in USD but recovery case .* counts its loss in EUR/],
      ['no value', { value: null }, /value/],
    ])('refuses %s', async (_, overrides, message) => {
      const res = await refuse(PROPOSE, { input: proposal(c.id, 'SERVICE_CREDIT', overrides) }, agent, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
    });

    it.each([
      ['a percentage over 100', 'COUPON', { couponPercent: 101 }, /between 1 and 100/],
      ['a percentage of 0', 'COUPON', { couponPercent: 0 }, /between 1 and 100/],
      ['an expiry in the past', 'COUPON', { couponExpiresOn: '2020-01-31' }, /after today/],
      ['an expiry of today', 'COUPON', { couponExpiresOn: inDays(0) }, /after today/],
      ['an impossible date', 'COUPON', { couponExpiresOn: '2027-02-30' }, /real calendar date/],
      ['a refund without a reference', 'REFUND', { refundReference: null }, /refundReference/],
      ['a custom compensation without description', 'CUSTOM', { description: null }, /description/],
      ['extension months of 37', 'CONTRACT_EXTENSION', { extensionMonths: 37 }, /between 1 and 36/],
      ['fields of another kind', 'SERVICE_CREDIT', { couponPercent: 10 }, /couponPercent is only for COUPON/],
    ])('refuses %s', async (_, kind, overrides, message) => {
      const res = await refuse(PROPOSE, { input: proposal(c.id, kind, overrides) }, agent, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
    });

    it('refuses a contract extension for a customer, a partner without a contract, and a baseline in another currency', async () => {
      const onCustomer = await refuse(PROPOSE, { input: proposal(c.id, 'CONTRACT_EXTENSION') }, agent, 'BAD_USER_INPUT');
      expect(onCustomer.errors![0].message).toMatch(/is a customer; contract extensions are only for partners/);
      const { recoveryCase: noContract } = await partnerCase({}, { contractReference: null, contractStartDate: null, contractEndDate: null });
      const res = await refuse(PROPOSE, { input: proposal(noContract.id, 'CONTRACT_EXTENSION') }, pm, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/no contract end date/);
      const { recoveryCase: usd } = await partnerCase({}, { baselineCurrency: 'USD' });
      const cur = await refuse(PROPOSE, { input: proposal(usd.id, 'CONTRACT_EXTENSION') }, pm, 'BAD_USER_INPUT');
      expect(cur.errors![0].message).toMatch(/baseline revenue is in USD but the case's loss is in EUR/);
      const { recoveryCase: valued } = await partnerCase();
      await refuse(PROPOSE, { input: proposal(valued.id, 'CONTRACT_EXTENSION', { value: { amountMinor: '5', currency: 'EUR' } }) }, pm, 'BAD_USER_INPUT');
    });

    it('refuses an unknown case with NOT_FOUND', async () => {
      await refuse(PROPOSE, { input: proposal('00000000-0000-4000-8000-000000000000', 'SERVICE_CREDIT') }, admin, 'NOT_FOUND');
    });
  });
});
