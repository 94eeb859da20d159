import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { MeetingKind } from './meeting.enums';
import { canOrganise, meetsExecutiveRule, organiserRuleText } from './meeting-organiser-rule';

function expected(role: UserRole, kind: MeetingKind, sk: StakeholderKind): boolean {
  switch (role) {
    case UserRole.PARTNER_MANAGER:
    case UserRole.LEADERSHIP:
    case UserRole.ADMIN:
      return true;
    case UserRole.AGENT:
      return kind === MeetingKind.FOLLOW_UP_CALL && sk === StakeholderKind.CUSTOMER;
    case UserRole.COMMS:
      return false;
  }
}

describe('meeting organiser rule', () => {
  const cases = Object.values(UserRole).flatMap((role) =>
    Object.values(MeetingKind).flatMap((kind) => Object.values(StakeholderKind).map((sk) => [role, kind, sk] as const)),
  );

  it.each(cases)('%s organising %s with a %s', (role, kind, sk) => {
    expect(canOrganise(role, kind, sk)).toBe(expected(role, kind, sk));
  });

  it('explains the rule per role', () => {
    expect(organiserRuleText(UserRole.AGENT)).toBe('AGENT users organise FOLLOW_UP_CALL with customers only');
    expect(organiserRuleText(UserRole.COMMS)).toBe('COMMS users do not organise meetings');
  });

  it('needs leadership at an executive visit only', () => {
    expect(meetsExecutiveRule(MeetingKind.EXECUTIVE_VISIT, [UserRole.PARTNER_MANAGER])).toBe(false);
    expect(meetsExecutiveRule(MeetingKind.EXECUTIVE_VISIT, [UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP])).toBe(true);
    for (const kind of [MeetingKind.FOLLOW_UP_CALL, MeetingKind.REVIEW_MEETING, MeetingKind.SITE_VISIT]) {
      expect(meetsExecutiveRule(kind, [UserRole.AGENT])).toBe(true);
    }
  });
});
