import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { MeetingKind } from './meeting.enums';

const ANY_KIND = Object.values(MeetingKind);

/** Which kinds of meeting each role may organise, and with whom (null: any stakeholder). */
export const ORGANISER_RULES: Readonly<Record<UserRole, { kinds: readonly MeetingKind[]; stakeholderKind: StakeholderKind | null }>> = {
  [UserRole.PARTNER_MANAGER]: { kinds: ANY_KIND, stakeholderKind: null },
  [UserRole.LEADERSHIP]: { kinds: ANY_KIND, stakeholderKind: null },
  [UserRole.ADMIN]: { kinds: ANY_KIND, stakeholderKind: null },
  [UserRole.AGENT]: { kinds: [MeetingKind.FOLLOW_UP_CALL], stakeholderKind: StakeholderKind.CUSTOMER },
  [UserRole.COMMS]: { kinds: [], stakeholderKind: null },
};

export function canOrganise(role: UserRole, kind: MeetingKind, stakeholderKind: StakeholderKind): boolean {
  const rule = ORGANISER_RULES[role];
  return rule.kinds.includes(kind) && (rule.stakeholderKind === null || rule.stakeholderKind === stakeholderKind);
}

export function organiserRuleText(role: UserRole): string {
  const rule = ORGANISER_RULES[role];
  if (!rule.kinds.length) return `${role} users do not organise meetings`;
  const withWhom = rule.stakeholderKind ? ` with ${rule.stakeholderKind.toLowerCase()}s` : '';
  return `${role} users organise ${rule.kinds.join(', ')}${withWhom} only`;
}

/** An executive visit is one where our leadership shows up in person. */
export function meetsExecutiveRule(kind: MeetingKind, attendeeRoles: readonly UserRole[]): boolean {
  return kind !== MeetingKind.EXECUTIVE_VISIT || attendeeRoles.includes(UserRole.LEADERSHIP);
}
