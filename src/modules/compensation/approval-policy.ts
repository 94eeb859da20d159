import { UserRole } from '../users/user-role.enum';
import { CompensationKind } from './compensation.enums';

/** One approving role's limit; currency null applies to every currency without its own row, limitMinor null is unlimited. */
export interface ApprovalLimit {
  role: UserRole;
  currency: string | null;
  limitMinor: bigint | null;
}

export interface ApprovalPolicy {
  limits: readonly ApprovalLimit[];
  /** Contract extensions of more months than this need LEADERSHIP. */
  leadershipExtensionMonthsAbove: number;
  /** The case's approved + issued compensation may reach its estimated loss × this / 1000. */
  fairnessRatioPermille: number;
}

export interface ApprovalRequest {
  approver: { id: string; role: UserRole };
  compensation: {
    proposedById: string;
    kind: CompensationKind;
    valueMinor: bigint;
    currency: string;
    extensionMonths: number | null;
  };
  estimatedLossMinor: bigint;
  /** Approved, issued and accepted compensation of the case, not counting this one. */
  committedMinor: bigint;
  justification: string | null;
}

export type ApprovalDecision =
  | { allowed: true; exceedsFairness: boolean }
  | { allowed: false; refusal: 'FORBIDDEN' | 'BAD_USER_INPUT'; reason: string };

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  limits: [
    { role: UserRole.PARTNER_MANAGER, currency: null, limitMinor: 500000n },
    { role: UserRole.LEADERSHIP, currency: null, limitMinor: null },
  ],
  leadershipExtensionMonthsAbove: 12,
  fairnessRatioPermille: 1500,
};

/** The limit that applies to a role in a currency: its own currency row, else the role's default row. */
export function limitFor(policy: ApprovalPolicy, role: UserRole, currency: string): ApprovalLimit | null {
  const ofRole = policy.limits.filter((l) => l.role === role);
  return ofRole.find((l) => l.currency === currency) ?? ofRole.find((l) => l.currency === null) ?? null;
}

/** Exact: (committed + value) × 1000 > loss × permille, in integers. */
export function exceedsFairness(policy: ApprovalPolicy, lossMinor: bigint, committedMinor: bigint, valueMinor: bigint): boolean {
  return (committedMinor + valueMinor) * 1000n > lossMinor * BigInt(policy.fairnessRatioPermille);
}

/** Minor units from the database (bigint as string) as a BigInt; never a float. */
export function toBigInt(minor: string): bigint {
  return BigInt(minor);
}

export function formatRatio(permille: number): string {
  return (permille / 1000).toString();
}

/** Decides whether this user may approve this compensation, and if not, why. */
export function decideApproval(policy: ApprovalPolicy, request: ApprovalRequest): ApprovalDecision {
  const { approver, compensation } = request;
  if (approver.id === compensation.proposedById) {
    return { allowed: false, refusal: 'FORBIDDEN', reason: 'Nobody approves their own proposal (four-eyes); ask another approver' };
  }
  const limit = limitFor(policy, approver.role, compensation.currency);
  if (!limit) {
    return { allowed: false, refusal: 'FORBIDDEN', reason: `A ${approver.role} cannot approve compensation in ${compensation.currency}` };
  }
  if (limit.limitMinor !== null && compensation.valueMinor > limit.limitMinor) {
    return {
      allowed: false,
      refusal: 'FORBIDDEN',
      reason:
        `The value ${compensation.valueMinor} ${compensation.currency} (minor units) is above the ${approver.role} limit of ` +
        `${limit.limitMinor} ${compensation.currency}; ask an approver with a higher limit`,
    };
  }
  const months = compensation.extensionMonths;
  if (
    compensation.kind === CompensationKind.CONTRACT_EXTENSION &&
    months !== null &&
    months > policy.leadershipExtensionMonthsAbove &&
    approver.role !== UserRole.LEADERSHIP
  ) {
    return {
      allowed: false,
      refusal: 'FORBIDDEN',
      reason: `A contract extension of more than ${policy.leadershipExtensionMonthsAbove} months (${months}) needs LEADERSHIP approval`,
    };
  }
  const unfair = exceedsFairness(policy, request.estimatedLossMinor, request.committedMinor, compensation.valueMinor);
  if (unfair) {
    const what =
      `the case's approved and issued compensation (${request.committedMinor + compensation.valueMinor} with this one) would exceed ` +
      `its estimated loss (${request.estimatedLossMinor}) × ${formatRatio(policy.fairnessRatioPermille)}`;
    if (approver.role !== UserRole.LEADERSHIP) {
      return { allowed: false, refusal: 'FORBIDDEN', reason: `Only LEADERSHIP may approve this: ${what}` };
    }
    if (!request.justification?.trim()) {
      return { allowed: false, refusal: 'BAD_USER_INPUT', reason: `Give a justification: ${what}` };
    }
  }
  return { allowed: true, exceedsFairness: unfair };
}
