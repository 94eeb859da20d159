import { CASE_OWNER_ROLE } from '../cases/case-owner-rule';
import { OWNER_ROLE } from '../stakeholders/stakeholder-rules';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { COL } from './stakeholder-row-rules';

export interface ImportUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isActive: boolean;
}

/** The staging columns the owner lookup fills, in this order. */
export const OWNER_STAGED_COLUMNS = ['owner_id', 'case_owner_id', 'owner_problem', 'case_owner_problem'] as const;

const roleOrDeactivated = (user: ImportUser) => (user.isActive ? user.role : 'deactivated');

/**
 * Owners and case owners by email, from the users loaded once before the file is parsed (a
 * few hundred rows, against a lookup per staged row in SQL). A problem is not a rejection here:
 * the checks apply it in their own order (after the consistency of the external_ref's rows), so
 * a row is rejected for the same reason as if the lookup were set-based. The users' state is
 * part of the checks' fingerprint, so a run after a change of users stages again.
 */
export function ownerLookup(users: readonly ImportUser[], opensCases: boolean): (values: readonly (string | null)[]) => (string | null)[] {
  const byEmail = new Map(users.map((u) => [u.email, u]));
  /** [id, problem]: the user with this email, and why they cannot take the role (null: they can). */
  const judge = (email: string, role: UserRole, unknown: string, wrongRole: (user: ImportUser) => string): [string | null, string | null] => {
    const user = byEmail.get(email);
    if (!user) return [null, unknown];
    return [user.id, user.isActive && user.role === role ? null : wrongRole(user)];
  };
  return (values) => {
    const kind = values[COL.kind] as StakeholderKind;
    const extra: (string | null)[] = [null, null, null, null];
    const ownerEmail = values[COL.owner_email];
    if (ownerEmail !== null) {
      [extra[0], extra[2]] = judge(ownerEmail, OWNER_ROLE[kind], `owner_email ${ownerEmail} is not a user of Regain`,
        (owner) => `a ${kind.toLowerCase()} must be owned by an active ${OWNER_ROLE[kind]}; ${owner.name} is ${roleOrDeactivated(owner)}`);
    }
    const caseOwnerEmail = opensCases ? values[COL.case_owner_email] : null;
    if (caseOwnerEmail !== null) {
      [extra[1], extra[3]] = judge(caseOwnerEmail, CASE_OWNER_ROLE[kind], `case_owner_email ${caseOwnerEmail} is not a user of Regain`,
        (owner) => `${owner.name} is ${roleOrDeactivated(owner)}; a ${kind} case is owned by an active ${CASE_OWNER_ROLE[kind]}`);
    }
    return extra;
  };
}
