import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { DashboardFilterInput } from './dto/dashboard-filter.input';

/**
 * The cases one dashboard figure counts: a crisis, the caller's filters, and for a partner
 * manager the partners they own (forced here from the acting user, never from input).
 */
export interface DashboardScope {
  crisisId: string;
  stakeholderKind: StakeholderKind | null;
  segment: string | null;
  region: string | null;
  impact: string[] | null;
  caseOwnerId: string | null;
  /** Set for partner managers: only stakeholders owned by this user count. */
  stakeholderOwnerId: string | null;
}

/** Who may read dashboards at all; the resolver's @Roles lists the same roles. */
export const DASHBOARD_ROLES = [UserRole.LEADERSHIP, UserRole.ADMIN, UserRole.PARTNER_MANAGER] as const;

export function dashboardScope(actor: AuthUser, crisisId: string, filter: DashboardFilterInput | null | undefined): DashboardScope {
  if (!(DASHBOARD_ROLES as readonly UserRole[]).includes(actor.role)) {
    throw AppException.forbidden(`Dashboards are for ${DASHBOARD_ROLES.join(', ')}; you are ${actor.role}`);
  }
  const partnerManager = actor.role === UserRole.PARTNER_MANAGER;
  const kind = filter?.stakeholderKind ?? null;
  if (partnerManager && kind === StakeholderKind.CUSTOMER) {
    throw AppException.forbidden('A partner manager sees the dashboards of the partners they own, not of customers');
  }
  return {
    crisisId,
    stakeholderKind: partnerManager ? StakeholderKind.PARTNER : kind,
    segment: filter?.segment ?? null,
    region: filter?.region ?? null,
    impact: filter?.impact?.length ? [...filter.impact] : null,
    caseOwnerId: filter?.ownerId ?? null,
    stakeholderOwnerId: partnerManager ? actor.id : null,
  };
}

export interface ScopeSql {
  /** `SELECT rc.* …` of the scoped cases, to be used as a CTE; its parameters start at $1. */
  cases: string;
  params: unknown[];
}

/**
 * The scoped cases as one SELECT over recovery_cases `rc` (joined to stakeholders `s` when a
 * filter needs them). Every
 * filter is a bound parameter; an absent filter is left out of the WHERE so the planner sees
 * a plain statement. `firstParam` lets the caller put its own parameters first.
 */
export function scopeSql(scope: DashboardScope, columns = 'rc.*', firstParam = 1): ScopeSql {
  const params: unknown[] = [scope.crisisId];
  const where = [`rc.crisis_id = $${firstParam}`];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${firstParam + params.length - 1}`));
  };
  if (scope.stakeholderKind) add((p) => `s.kind = CAST(${p} AS stakeholder_kind)`, scope.stakeholderKind);
  if (scope.segment !== null) add((p) => `s.segment = ${p}`, scope.segment);
  if (scope.region !== null) add((p) => `s.region = ${p}`, scope.region);
  if (scope.impact) add((p) => `rc.impact = ANY(CAST(${p} AS impact_level[]))`, scope.impact);
  if (scope.caseOwnerId) add((p) => `rc.owner_id = CAST(${p} AS uuid)`, scope.caseOwnerId);
  if (scope.stakeholderOwnerId) add((p) => `s.owner_id = CAST(${p} AS uuid)`, scope.stakeholderOwnerId);
  // The stakeholders are joined only when a filter reads them.
  const join = where.some((w) => w.startsWith('s.')) ? ' JOIN stakeholders s ON s.id = rc.stakeholder_id' : '';
  return { cases: `SELECT ${columns} FROM recovery_cases rc${join} WHERE ${where.join(' AND ')}`, params };
}

/**
 * The scope's rows of the monthly rollups (crisis_trust_months `alias`, see migration
 * TrustRollups), with its parameters appended to `params`; null when the scope filters on
 * something the rollups are not kept by. They are kept per stakeholder kind, which never
 * changes; segment, region, impact and owners can, so those filters read the snapshots.
 */
export function monthlyRollupWhere(scope: DashboardScope, alias: string, params: unknown[]): string | null {
  const rolledUp =
    scope.segment === null && scope.region === null && scope.impact === null && scope.caseOwnerId === null && scope.stakeholderOwnerId === null;
  if (!rolledUp) return null;
  params.push(scope.crisisId);
  const where = [`${alias}.crisis_id = $${params.length}`];
  if (scope.stakeholderKind) {
    params.push(scope.stakeholderKind);
    where.push(`${alias}.stakeholder_kind = CAST($${params.length} AS stakeholder_kind)`);
  }
  return where.join(' AND ');
}
