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
  return (values) => {
    const kind = values[COL.kind] as StakeholderKind;
    const extra: (string | null)[] = [null, null, null, null];
    const ownerEmail = values[COL.owner_email];
    if (ownerEmail !== null) {
      const owner = byEmail.get(ownerEmail);
      if (!owner) extra[2] = `owner_email ${ownerEmail} is not a user of Regain`;
      else {
        extra[0] = owner.id;
        if (!(owner.isActive && owner.role === OWNER_ROLE[kind])) {
          extra[2] = `a ${kind.toLowerCase()} must be owned by an active ${OWNER_ROLE[kind]}; ${owner.name} is ${roleOrDeactivated(owner)}`;
        }
      }
    }
    const caseOwnerEmail = opensCases ? values[COL.case_owner_email] : null;
    if (caseOwnerEmail !== null) {
      const caseOwner = byEmail.get(caseOwnerEmail);
      if (!caseOwner) extra[3] = `case_owner_email ${caseOwnerEmail} is not a user of Regain`;
      else {
        extra[1] = caseOwner.id;
        if (!(caseOwner.isActive && caseOwner.role === CASE_OWNER_ROLE[kind])) {
          extra[3] = `${caseOwner.name} is ${roleOrDeactivated(caseOwner)}; a ${kind} case is owned by an active ${CASE_OWNER_ROLE[kind]}`;
        }
      }
    }
    return extra;
  };
}
