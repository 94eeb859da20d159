import { UserRole } from '../users/user-role.enum';
import { StakeholderKind } from './stakeholder.enums';

/**
 * Who may do what with stakeholders, as data a reader can check at a glance. Row-level
 * checks that need the database (does the actor own it?) live in stakeholder-access.ts.
 */

/** The kinds of stakeholder each role may create. */
export const CREATABLE_KINDS: Readonly<Record<UserRole, readonly StakeholderKind[]>> = {
  [UserRole.AGENT]: [StakeholderKind.CUSTOMER],
  [UserRole.PARTNER_MANAGER]: [StakeholderKind.PARTNER],
  [UserRole.COMMS]: [],
  [UserRole.LEADERSHIP]: [],
  [UserRole.ADMIN]: [StakeholderKind.CUSTOMER, StakeholderKind.PARTNER],
};

/** Customers are owned by agents, partners by partner managers (or by nobody yet). */
export const OWNER_ROLE: Readonly<Record<StakeholderKind, UserRole>> = {
  [StakeholderKind.CUSTOMER]: UserRole.AGENT,
  [StakeholderKind.PARTNER]: UserRole.PARTNER_MANAGER,
};

/** Roles that edit only the stakeholders they own; ADMIN edits every one. */
export const OWNER_EDITOR_ROLES: readonly UserRole[] = [UserRole.AGENT, UserRole.PARTNER_MANAGER];

export function canCreateKind(role: UserRole, kind: StakeholderKind): boolean {
  return CREATABLE_KINDS[role].includes(kind);
}

export function canEdit(actor: { id: string; role: UserRole }, stakeholder: { ownerId: string | null }): boolean {
  if (actor.role === UserRole.ADMIN) return true;
  return OWNER_EDITOR_ROLES.includes(actor.role) && stakeholder.ownerId === actor.id;
}

/** The owner a new stakeholder gets when the request names none: its creator, if the creator may own it. */
export function defaultOwnerId(actor: { id: string; role: UserRole }, kind: StakeholderKind): string | null {
  return OWNER_ROLE[kind] === actor.role ? actor.id : null;
}

export interface ContractTerms {
  contractReference: string | null;
  contractStartDate: string | null;
  contractEndDate: string | null;
}

/** Why the contract terms cannot stand for this kind of stakeholder, or null when they can. */
export function contractProblem(kind: StakeholderKind, terms: ContractTerms): string | null {
  const hasContract = terms.contractReference !== null || terms.contractStartDate !== null || terms.contractEndDate !== null;
  if (kind !== StakeholderKind.PARTNER && hasContract) {
    return 'Only partners have a contract; leave contractReference, contractStartDate and contractEndDate empty for a customer';
  }
  // ISO dates compare correctly as strings.
  if (terms.contractStartDate && terms.contractEndDate && terms.contractEndDate < terms.contractStartDate) {
    return `contractEndDate ${terms.contractEndDate} is before contractStartDate ${terms.contractStartDate}`;
  }
  return null;
}
