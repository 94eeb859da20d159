import { UserRole } from '../users/user-role.enum';
import { ImportKind } from './import.enums';
import { IMPORTER_ROLES, importOptionsProblem, mayImport } from './import-kind-rules';

describe('import kind rules', () => {
  it.each([
    [ImportKind.STAKEHOLDERS, [UserRole.PARTNER_MANAGER, UserRole.ADMIN]],
    [ImportKind.REVENUE, [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN]],
    [ImportKind.SURVEYS, [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN]],
  ])('%s is imported by %p only', (kind, roles) => {
    expect(Object.values(UserRole).filter((role) => mayImport(role, kind))).toEqual(roles);
  });

  it('every role but COMMS may import something, and so read its own imports', () => {
    expect([...IMPORTER_ROLES].sort()).toEqual([UserRole.ADMIN, UserRole.AGENT, UserRole.LEADERSHIP, UserRole.PARTNER_MANAGER]);
  });

  it('asks each kind for the options it takes', () => {
    const none = { crisisId: null, caseOwnerTeamIds: [] };
    const crisis = { crisisId: 'c', caseOwnerTeamIds: [] };
    expect(importOptionsProblem(ImportKind.STAKEHOLDERS, none)).toBeNull();
    expect(importOptionsProblem(ImportKind.STAKEHOLDERS, { crisisId: 'c', caseOwnerTeamIds: ['u'] })).toBeNull();
    expect(importOptionsProblem(ImportKind.REVENUE, none)).toBeNull();
    expect(importOptionsProblem(ImportKind.REVENUE, crisis)).toMatchObject({ field: 'crisisId' });
    expect(importOptionsProblem(ImportKind.SURVEYS, crisis)).toBeNull();
    expect(importOptionsProblem(ImportKind.SURVEYS, none)).toMatchObject({ field: 'crisisId', message: expect.stringContaining('needs crisisId') });
    expect(importOptionsProblem(ImportKind.SURVEYS, { crisisId: 'c', caseOwnerTeamIds: ['u'] })).toMatchObject({ field: 'caseOwnerTeamIds' });
  });
});
