import { UserRole } from '../users/user-role.enum';
import { ApprovalPolicy, ApprovalRequest, decideApproval, DEFAULT_APPROVAL_POLICY, exceedsFairness, limitFor } from './approval-policy';
import { CompensationKind } from './compensation.enums';

const PROPOSER = 'proposer-id';

function request(overrides: {
  role?: UserRole;
  approverId?: string;
  value?: bigint;
  currency?: string;
  kind?: CompensationKind;
  months?: number | null;
  loss?: bigint;
  committed?: bigint;
  justification?: string | null;
} = {}): ApprovalRequest {
  return {
    approver: { id: overrides.approverId ?? 'approver-id', role: overrides.role ?? UserRole.PARTNER_MANAGER },
    compensation: {
      proposedById: PROPOSER,
      kind: overrides.kind ?? CompensationKind.REFUND,
      valueMinor: overrides.value ?? 10000n,
      currency: overrides.currency ?? 'EUR',
      extensionMonths: overrides.months ?? null,
    },
    estimatedLossMinor: overrides.loss ?? 10_000_000n,
    committedMinor: overrides.committed ?? 0n,
    justification: overrides.justification ?? null,
  };
}

const decide = (overrides: Parameters<typeof request>[0], policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY) =>
  decideApproval(policy, request(overrides));

describe('approval policy', () => {
  describe('four-eyes', () => {
    it.each([UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP])('refuses a %s approving their own proposal', (role) => {
      expect(decide({ role, approverId: PROPOSER })).toEqual({
        allowed: false,
        refusal: 'FORBIDDEN',
        reason: expect.stringMatching(/own proposal/),
      });
    });
  });

  describe('limits', () => {
    it('lets a partner manager approve exactly at the 5,000.00 limit', () => {
      expect(decide({ value: 500000n })).toEqual({ allowed: true, exceedsFairness: false });
    });

    it('refuses a partner manager one minor unit over the limit', () => {
      const decision = decide({ value: 500001n });
      expect(decision).toMatchObject({ allowed: false, refusal: 'FORBIDDEN' });
      expect(decision.allowed || decision.reason).toMatch(/above the PARTNER_MANAGER limit of 500000/);
    });

    it('applies the default limit in every currency', () => {
      expect(decide({ value: 500000n, currency: 'JPY' })).toMatchObject({ allowed: true });
      expect(decide({ value: 500001n, currency: 'USD' })).toMatchObject({ allowed: false });
    });

    it('prefers a currency row over the default row', () => {
      const policy: ApprovalPolicy = {
        ...DEFAULT_APPROVAL_POLICY,
        limits: [...DEFAULT_APPROVAL_POLICY.limits, { role: UserRole.PARTNER_MANAGER, currency: 'JPY', limitMinor: 800000n }],
      };
      expect(limitFor(policy, UserRole.PARTNER_MANAGER, 'JPY')?.limitMinor).toBe(800000n);
      expect(decide({ value: 800000n, currency: 'JPY' }, policy)).toMatchObject({ allowed: true });
      expect(decide({ value: 800001n, currency: 'JPY' }, policy)).toMatchObject({ allowed: false });
      expect(decide({ value: 500001n, currency: 'EUR' }, policy)).toMatchObject({ allowed: false });
    });

    it('lets leadership approve any amount, beyond 2^53 exactly', () => {
      expect(decide({ role: UserRole.LEADERSHIP, value: 9_007_199_254_740_993n, loss: 9_007_199_254_740_993n })).toEqual({
        allowed: true,
        exceedsFairness: false,
      });
    });

    it.each([UserRole.AGENT, UserRole.COMMS, UserRole.ADMIN])('lets a %s approve nothing', (role) => {
      expect(decide({ role, value: 1n })).toMatchObject({ allowed: false, refusal: 'FORBIDDEN', reason: expect.stringMatching(role) });
    });
  });

  describe('contract extensions', () => {
    const extension = { kind: CompensationKind.CONTRACT_EXTENSION, value: 1000n };
    it('lets a partner manager approve exactly 12 months', () => {
      expect(decide({ ...extension, months: 12 })).toMatchObject({ allowed: true });
    });
    it('needs leadership for 13 months', () => {
      expect(decide({ ...extension, months: 13 })).toMatchObject({ allowed: false, reason: expect.stringMatching(/more than 12 months.*LEADERSHIP/) });
      expect(decide({ ...extension, months: 13, role: UserRole.LEADERSHIP })).toMatchObject({ allowed: true });
    });
  });

  describe('fairness', () => {
    // Loss 1000.00, ratio 1.5: up to 1500.00 in total is fair.
    const fair = { loss: 100000n, committed: 100000n };

    it('is not exceeded exactly at loss × ratio', () => {
      expect(exceedsFairness(DEFAULT_APPROVAL_POLICY, 100000n, 100000n, 50000n)).toBe(false);
      expect(decide({ ...fair, value: 50000n })).toEqual({ allowed: true, exceedsFairness: false });
    });

    it('is exceeded one minor unit over, and then only leadership may approve', () => {
      expect(exceedsFairness(DEFAULT_APPROVAL_POLICY, 100000n, 100000n, 50001n)).toBe(true);
      expect(decide({ ...fair, value: 50001n })).toMatchObject({ allowed: false, refusal: 'FORBIDDEN', reason: expect.stringMatching(/Only LEADERSHIP/) });
    });

    it('asks leadership for a written justification when exceeded', () => {
      const over = { ...fair, value: 50001n, role: UserRole.LEADERSHIP };
      expect(decide(over)).toMatchObject({ allowed: false, refusal: 'BAD_USER_INPUT', reason: expect.stringMatching(/justification/) });
      expect(decide({ ...over, justification: '   ' })).toMatchObject({ allowed: false, refusal: 'BAD_USER_INPUT' });
      expect(decide({ ...over, justification: 'Strategic account; board decision 2026-11-20' })).toEqual({
        allowed: true,
        exceedsFairness: true,
      });
    });

    it('needs no justification from leadership within the ratio', () => {
      expect(decide({ ...fair, value: 50000n, role: UserRole.LEADERSHIP })).toEqual({ allowed: true, exceedsFairness: false });
    });

    it('treats any compensation of a zero-loss case as beyond the ratio', () => {
      expect(decide({ loss: 0n, value: 1n })).toMatchObject({ allowed: false, reason: expect.stringMatching(/Only LEADERSHIP/) });
    });

    it('follows a configured ratio to the permille', () => {
      const policy = { ...DEFAULT_APPROVAL_POLICY, fairnessRatioPermille: 1001 };
      expect(decide({ loss: 1000n, value: 1001n }, policy)).toMatchObject({ allowed: true });
      expect(decide({ loss: 1000n, value: 1002n }, policy)).toMatchObject({ allowed: false });
    });
  });

  it('checks four-eyes before limits, limits before fairness', () => {
    expect(decide({ approverId: PROPOSER, value: 999999999n, loss: 0n })).toMatchObject({ reason: expect.stringMatching(/own proposal/) });
    expect(decide({ value: 500001n, loss: 0n })).toMatchObject({ reason: expect.stringMatching(/limit/) });
  });
});
