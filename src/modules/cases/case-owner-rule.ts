import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';

/** Who may own a case, by the kind of stakeholder it is about. */
export const CASE_OWNER_ROLE: Readonly<Record<StakeholderKind, UserRole>> = {
  [StakeholderKind.CUSTOMER]: UserRole.AGENT,
  [StakeholderKind.PARTNER]: UserRole.PARTNER_MANAGER,
};

export interface OwnerCandidate {
  role: UserRole;
  isActive: boolean;
}

export function canOwnCase(candidate: OwnerCandidate, kind: StakeholderKind): boolean {
  return candidate.isActive && candidate.role === CASE_OWNER_ROLE[kind];
}

export function ownerRuleText(kind: StakeholderKind): string {
  return `a ${kind} case is owned by an active ${CASE_OWNER_ROLE[kind]}`;
}
