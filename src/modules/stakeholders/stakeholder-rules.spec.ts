import { UserRole } from '../users/user-role.enum';
import { canCreateKind, canEdit, contractProblem, defaultOwnerId } from './stakeholder-rules';
import { StakeholderKind } from './stakeholder.enums';

const { CUSTOMER, PARTNER } = StakeholderKind;
const noContract = { contractReference: null, contractStartDate: null, contractEndDate: null };

describe('stakeholder rules', () => {
  it.each([
    [UserRole.AGENT, CUSTOMER, true],
    [UserRole.AGENT, PARTNER, false],
    [UserRole.PARTNER_MANAGER, CUSTOMER, false],
    [UserRole.PARTNER_MANAGER, PARTNER, true],
    [UserRole.COMMS, CUSTOMER, false],
    [UserRole.COMMS, PARTNER, false],
    [UserRole.LEADERSHIP, CUSTOMER, false],
    [UserRole.LEADERSHIP, PARTNER, false],
    [UserRole.ADMIN, CUSTOMER, true],
    [UserRole.ADMIN, PARTNER, true],
  ])('%s may create a %s: %s', (role, kind, allowed) => {
    expect(canCreateKind(role, kind)).toBe(allowed);
  });

  it.each([
    [UserRole.AGENT, 'me', true],
    [UserRole.AGENT, 'someone-else', false],
    [UserRole.AGENT, null, false],
    [UserRole.PARTNER_MANAGER, 'me', true],
    [UserRole.PARTNER_MANAGER, 'someone-else', false],
    [UserRole.COMMS, 'me', false],
    [UserRole.LEADERSHIP, 'me', false],
    [UserRole.ADMIN, 'someone-else', true],
    [UserRole.ADMIN, null, true],
  ])('%s may edit a stakeholder owned by %s: %s', (role, ownerId, allowed) => {
    expect(canEdit({ id: 'me', role }, { ownerId })).toBe(allowed);
  });

  it('makes the creator the owner only when their role may own that kind', () => {
    expect(defaultOwnerId({ id: 'a', role: UserRole.AGENT }, CUSTOMER)).toBe('a');
    expect(defaultOwnerId({ id: 'p', role: UserRole.PARTNER_MANAGER }, PARTNER)).toBe('p');
    expect(defaultOwnerId({ id: 'x', role: UserRole.ADMIN }, CUSTOMER)).toBeNull();
    expect(defaultOwnerId({ id: 'x', role: UserRole.ADMIN }, PARTNER)).toBeNull();
  });

  it('accepts contracts on partners only, with the end not before the start', () => {
    expect(contractProblem(CUSTOMER, noContract)).toBeNull();
    expect(contractProblem(PARTNER, noContract)).toBeNull();
    expect(contractProblem(CUSTOMER, { ...noContract, contractReference: 'PA-1' })).toMatch(/Only partners/);
    expect(contractProblem(CUSTOMER, { ...noContract, contractEndDate: '2027-01-01' })).toMatch(/Only partners/);
    const dated = { contractReference: 'PA-1', contractStartDate: '2026-01-01', contractEndDate: '2026-01-01' };
    expect(contractProblem(PARTNER, dated)).toBeNull();
    expect(contractProblem(PARTNER, { ...dated, contractEndDate: '2025-12-31' })).toMatch(/before contractStartDate/);
    expect(contractProblem(PARTNER, { ...dated, contractStartDate: null, contractEndDate: '2020-01-01' })).toBeNull();
  });
});
