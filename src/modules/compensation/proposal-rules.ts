import { CompensationKind } from './compensation.enums';

export interface ProposalShape {
  kind: CompensationKind;
  hasValue: boolean;
  refundReference?: string | null;
  couponPercent?: number | null;
  couponExpiresOn?: string | null;
  extensionMonths?: number | null;
  description?: string | null;
}

const present = (v: unknown) => v !== undefined && v !== null;

/**
 * Which fields each kind carries. Returns what is wrong, field by field, so the form can
 * point at them; empty when the shape fits the kind.
 */
export function proposalShapeProblems(p: ProposalShape, today: string): string[] {
  const problems: string[] = [];
  const only = (field: keyof ProposalShape, kind: CompensationKind) => {
    if (p.kind !== kind && present(p[field])) problems.push(`${field} is only for ${kind}`);
  };
  only('refundReference', CompensationKind.REFUND);
  only('couponPercent', CompensationKind.COUPON);
  only('couponExpiresOn', CompensationKind.COUPON);
  only('extensionMonths', CompensationKind.CONTRACT_EXTENSION);

  switch (p.kind) {
    case CompensationKind.REFUND:
      if (!p.refundReference?.trim()) problems.push('refundReference: name the order or payment this refund is for');
      break;
    case CompensationKind.COUPON:
      if (!p.couponExpiresOn) problems.push('couponExpiresOn: a coupon needs an expiry date');
      else if (p.couponExpiresOn <= today) problems.push(`couponExpiresOn must be after today (${today})`);
      break;
    case CompensationKind.CONTRACT_EXTENSION:
      if (!present(p.extensionMonths)) problems.push('extensionMonths: say by how many months (1 to 36) to extend the contract');
      if (p.hasValue) problems.push("value: a contract extension's value is computed from the partner's baseline revenue; leave it out");
      break;
    case CompensationKind.CUSTOM:
      if (!p.description?.trim()) problems.push('description: describe what the custom compensation is');
      break;
    case CompensationKind.SERVICE_CREDIT:
      break;
  }
  if (p.kind !== CompensationKind.CONTRACT_EXTENSION && !p.hasValue) {
    problems.push(`value: give the ${p.kind} value in the case's currency`);
  }
  return problems;
}
