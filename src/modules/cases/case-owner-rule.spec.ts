import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { canOwnCase } from './case-owner-rule';

const EXPECTED_OWNER: Record<StakeholderKind, UserRole> = {
  [StakeholderKind.CUSTOMER]: UserRole.AGENT,
  [StakeholderKind.PARTNER]: UserRole.PARTNER_MANAGER,
};

describe('case owner rule', () => {
  const cases = Object.values(StakeholderKind).flatMap((kind) =>
    Object.values(UserRole).flatMap((role) => [true, false].map((isActive) => [kind, role, isActive] as const)),
  );

  it.each(cases)('%s case, %s user (active: %s)', (kind, role, isActive) => {
    expect(canOwnCase({ role, isActive }, kind)).toBe(isActive && EXPECTED_OWNER[kind] === role);
  });
});
