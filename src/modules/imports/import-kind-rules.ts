import { SIGNAL_RECORDER_ROLES } from '../signals/signal-rules';
import { UserRole } from '../users/user-role.enum';
import { ImportKind } from './import.enums';

/**
 * Who may import each kind and which options it takes, as data. The roles are those of the
 * GraphQL path that records the same things: stakeholders are created by admins (any) and
 * partner managers (partners, see the row rules); revenue and survey responses by the signal
 * recorders (SIGNAL_SCOPE: leadership and admins on any stakeholder or case, agents and
 * partner managers on their own, which the profiles' row checks enforce row by row).
 */
export interface ImportKindRules {
  readonly roles: readonly UserRole[];
  /** The import's crisisId: STAKEHOLDERS opens cases in it, SURVEYS finds each row's case in it. */
  readonly crisis: 'OPTIONAL' | 'REQUIRED' | 'NONE';
  /** Cases are opened in the crisis, so it must not be CLOSED (responses may still come in after it closed). */
  readonly opensCases: boolean;
  /** Takes caseOwnerTeamIds (a round-robin of case owners). */
  readonly caseOwnerTeam: boolean;
}

export const IMPORT_KIND_RULES: Readonly<Record<ImportKind, ImportKindRules>> = {
  [ImportKind.STAKEHOLDERS]: { roles: [UserRole.ADMIN, UserRole.PARTNER_MANAGER], crisis: 'OPTIONAL', opensCases: true, caseOwnerTeam: true },
  [ImportKind.REVENUE]: { roles: SIGNAL_RECORDER_ROLES, crisis: 'NONE', opensCases: false, caseOwnerTeam: false },
  [ImportKind.SURVEYS]: { roles: SIGNAL_RECORDER_ROLES, crisis: 'REQUIRED', opensCases: false, caseOwnerTeam: false },
};

/** Roles that may import some kind: they may list and read their own imports. */
export const IMPORTER_ROLES: readonly UserRole[] = Object.values(UserRole).filter((role) =>
  Object.values(IMPORT_KIND_RULES).some((rules) => rules.roles.includes(role)),
);

export function mayImport(role: UserRole, kind: ImportKind): boolean {
  return IMPORT_KIND_RULES[kind].roles.includes(role);
}

/** Null when the options fit the kind, else what is wrong (a BAD_USER_INPUT on `field`). */
export function importOptionsProblem(
  kind: ImportKind,
  options: { crisisId: string | null; caseOwnerTeamIds: readonly string[] },
): { field: string; message: string } | null {
  const rules = IMPORT_KIND_RULES[kind];
  if (rules.crisis === 'REQUIRED' && options.crisisId === null) {
    return { field: 'crisisId', message: `A ${kind} import needs crisisId: each row belongs to its stakeholder's case in that crisis` };
  }
  if (rules.crisis === 'NONE' && options.crisisId !== null) {
    return { field: 'crisisId', message: `A ${kind} import takes no crisisId: its rows belong to stakeholders, not to a crisis` };
  }
  if (!rules.caseOwnerTeam && options.caseOwnerTeamIds.length > 0) {
    return { field: 'caseOwnerTeamIds', message: `A ${kind} import opens no cases, so it takes no caseOwnerTeamIds` };
  }
  return null;
}
