import { AppException } from '../../common/errors/app.exception';
import { ImpactLevel } from '../cases/case.enums';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { dashboardScope, monthlyRollupWhere, scopeSql } from './dashboard-scope';

const user = (role: UserRole) => ({ id: 'u-1', email: 'x@y.z', name: 'X', role });
const crisisId = 'c-1';

describe('dashboardScope', () => {
  it.each([UserRole.LEADERSHIP, UserRole.ADMIN])('%s gets the filter as given', (role) => {
    expect(
      dashboardScope(user(role), crisisId, { stakeholderKind: StakeholderKind.CUSTOMER, segment: 'SMB', region: 'EMEA', impact: [ImpactLevel.HIGH], ownerId: 'o-1' }),
    ).toEqual({
      crisisId,
      stakeholderKind: StakeholderKind.CUSTOMER,
      segment: 'SMB',
      region: 'EMEA',
      impact: ['HIGH'],
      caseOwnerId: 'o-1',
      stakeholderOwnerId: null,
    });
    expect(dashboardScope(user(role), crisisId, null)).toEqual({
      crisisId,
      stakeholderKind: null,
      segment: null,
      region: null,
      impact: null,
      caseOwnerId: null,
      stakeholderOwnerId: null,
    });
  });

  it('forces a partner manager to the partners they own', () => {
    const scope = dashboardScope(user(UserRole.PARTNER_MANAGER), crisisId, { segment: 'SMB' });
    expect(scope).toMatchObject({ stakeholderKind: StakeholderKind.PARTNER, stakeholderOwnerId: 'u-1', segment: 'SMB' });
    expect(dashboardScope(user(UserRole.PARTNER_MANAGER), crisisId, { stakeholderKind: StakeholderKind.PARTNER })).toMatchObject({
      stakeholderKind: StakeholderKind.PARTNER,
      stakeholderOwnerId: 'u-1',
    });
  });

  it('refuses a partner manager asking for customers, and every other role', () => {
    expect(() => dashboardScope(user(UserRole.PARTNER_MANAGER), crisisId, { stakeholderKind: StakeholderKind.CUSTOMER })).toThrow(AppException);
    for (const role of [UserRole.AGENT, UserRole.COMMS]) {
      expect(() => dashboardScope(user(role), crisisId, null)).toThrow(/Dashboards are for LEADERSHIP, ADMIN, PARTNER_MANAGER/);
    }
  });

  it('an empty impact list means any impact', () => {
    expect(dashboardScope(user(UserRole.ADMIN), crisisId, { impact: [] }).impact).toBeNull();
  });
});

describe('scopeSql', () => {
  const none = dashboardScope(user(UserRole.ADMIN), crisisId, null);

  it('reads only the cases without filters, and joins the stakeholders only when a filter needs them', () => {
    expect(scopeSql(none, 'rc.id')).toEqual({ cases: 'SELECT rc.id FROM recovery_cases rc WHERE rc.crisis_id = $1', params: [crisisId] });
    expect(scopeSql({ ...none, impact: ['LOW'], caseOwnerId: 'o' }, 'rc.id').cases).not.toContain('stakeholders');
    expect(scopeSql({ ...none, region: 'EMEA' }, 'rc.id').cases).toContain('JOIN stakeholders s ON s.id = rc.stakeholder_id');
  });

  it('binds every filter as a parameter, numbered after the caller’s', () => {
    const all = { ...none, stakeholderKind: StakeholderKind.PARTNER, segment: "O'Brien", region: 'EMEA', impact: ['HIGH'], caseOwnerId: 'o', stakeholderOwnerId: 'pm' };
    const { cases, params } = scopeSql(all, 'rc.id', 3);
    expect(params).toEqual([crisisId, 'PARTNER', "O'Brien", 'EMEA', ['HIGH'], 'o', 'pm']);
    expect(cases).toBe(
      'SELECT rc.id FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id WHERE rc.crisis_id = $3' +
        ' AND s.kind = CAST($4 AS stakeholder_kind) AND s.segment = $5 AND s.region = $6' +
        ' AND rc.impact = ANY(CAST($7 AS impact_level[])) AND rc.owner_id = CAST($8 AS uuid) AND s.owner_id = CAST($9 AS uuid)',
    );
    expect(cases).not.toContain("O'Brien");
  });

  it('an empty segment is a filter (exactly ""), not the absence of one', () => {
    expect(scopeSql({ ...none, segment: '' }, 'rc.id').params).toEqual([crisisId, '']);
  });
});

describe('monthlyRollupWhere', () => {
  const none = dashboardScope(user(UserRole.ADMIN), crisisId, null);

  it('serves a whole crisis, or its customers or partners, with parameters after the caller’s', () => {
    const params: unknown[] = ['first'];
    expect(monthlyRollupWhere(none, 'm', params)).toBe('m.crisis_id = $2');
    expect(params).toEqual(['first', crisisId]);
    const kinds: unknown[] = [];
    expect(monthlyRollupWhere({ ...none, stakeholderKind: StakeholderKind.PARTNER }, 'm', kinds)).toBe(
      'm.crisis_id = $1 AND m.stakeholder_kind = CAST($2 AS stakeholder_kind)',
    );
    expect(kinds).toEqual([crisisId, 'PARTNER']);
  });

  it('leaves every filter on something that can change to the snapshots, and then binds nothing', () => {
    for (const filter of [{ segment: '' }, { region: 'EMEA' }, { impact: ['LOW'] }, { caseOwnerId: 'o' }, { stakeholderOwnerId: 'pm' }]) {
      const params: unknown[] = [];
      expect(monthlyRollupWhere({ ...none, ...filter }, 'm', params)).toBeNull();
      expect(params).toEqual([]);
    }
  });
});
