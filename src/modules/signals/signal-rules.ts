import { UserRole } from '../users/user-role.enum';
import { SurveyKind } from './signal.enums';

/**
 * Who may record trust signals, as data: leadership and admins on any case or stakeholder;
 * agents and partner managers on the cases they own (customers and partners respectively,
 * by the case-owner rule) and on the stakeholders they own or own a case of; comms reads only.
 */
export const SIGNAL_SCOPE: Readonly<Record<UserRole, 'ANY' | 'OWN' | 'NONE'>> = {
  [UserRole.ADMIN]: 'ANY',
  [UserRole.LEADERSHIP]: 'ANY',
  [UserRole.AGENT]: 'OWN',
  [UserRole.PARTNER_MANAGER]: 'OWN',
  [UserRole.COMMS]: 'NONE',
};

export const SIGNAL_RECORDER_ROLES = (Object.keys(SIGNAL_SCOPE) as UserRole[]).filter((r) => SIGNAL_SCOPE[r] !== 'NONE');

export function canRecordOnCase(actor: { id: string; role: UserRole }, recoveryCase: { ownerId: string }): boolean {
  const scope = SIGNAL_SCOPE[actor.role];
  return scope === 'ANY' || (scope === 'OWN' && recoveryCase.ownerId === actor.id);
}

/** caseOwnerIds: the owners of the stakeholder's cases. */
export function canRecordOnStakeholder(
  actor: { id: string; role: UserRole },
  stakeholder: { ownerId: string | null },
  caseOwnerIds: readonly string[],
): boolean {
  const scope = SIGNAL_SCOPE[actor.role];
  return scope === 'ANY' || (scope === 'OWN' && (stakeholder.ownerId === actor.id || caseOwnerIds.includes(actor.id)));
}

export const SURVEY_SCORE_RANGE: Readonly<Record<SurveyKind, readonly [number, number]>> = {
  [SurveyKind.NPS]: [0, 10],
  [SurveyKind.CSAT]: [1, 5],
  [SurveyKind.TRUST]: [1, 5],
};

/** Null when the score fits its kind, else what is wrong. */
export function surveyScoreProblem(kind: SurveyKind, score: number): string | null {
  const [min, max] = SURVEY_SCORE_RANGE[kind];
  if (Number.isInteger(score) && score >= min && score <= max) return null;
  return `A ${kind} score is a whole number from ${min} to ${max}, not ${score}`;
}

/** Pre-crisis responses are the baseline, so they must predate the crisis, and the others must not. */
export function preCrisisProblem(isPreCrisis: boolean, respondedAt: Date, crisisStartedAt: Date): string | null {
  if (isPreCrisis && respondedAt >= crisisStartedAt) {
    return `A pre-crisis response must be from before the crisis started (${crisisStartedAt.toISOString()})`;
  }
  if (!isPreCrisis && respondedAt < crisisStartedAt) {
    return `This response is from before the crisis started (${crisisStartedAt.toISOString()}); record it with isPreCrisis: true`;
  }
  return null;
}

/**
 * The messages of the rules that need the database, shared by the GraphQL bulk mutations and
 * the CSV imports (which build them in SQL with format(): see the *Template helpers).
 */
export const signalMessages = {
  stakeholderOutOfScope: (stakeholderName: string, what: string) =>
    `Only the owner of ${stakeholderName} or of one of its cases, leadership or an admin may record its ${what}`,
  caseOutOfScope: (caseId: string) => `Only the owner of case ${caseId}, leadership or an admin may record its signals`,
  revenueCurrency: (stakeholderName: string, baselineCurrency: string, currency: string) =>
    `${stakeholderName}'s baseline is in ${baselineCurrency}; record its revenue in ${baselineCurrency}, not ${currency}`,
  /** `where`: "Row 3" in a mutation's rows, "line 3" in a file. */
  revenueMonthRepeated: (where: string, month: string) => `${where} already gives this stakeholder's revenue for ${month}`,
  surveyAlreadyRecorded: (kind: string, respondedAt: string, score: string | number) =>
    `This contact's ${kind} response at ${respondedAt} is already recorded with score ${score}`,
};

/**
 * A message as a format() template for SQL: each argument becomes %N$s, so a set-based check
 * writes the same words as the row-by-row one. (The fixed words hold no %.)
 */
export function sqlFormatTemplate(message: (...args: string[]) => string, arity: number): string {
  return message(...Array.from({ length: arity }, (_, i) => `%${i + 1}$s`));
}

/** Null when revenue may be recorded for the month (its first day, YYYY-MM-01) at `now`: the month has started. */
export function revenueMonthProblem(month: string, now: Date): string | null {
  const currentMonth = `${now.toISOString().slice(0, 7)}-01`;
  return month > currentMonth ? `${month.slice(0, 7)} has not started yet` : null;
}

/** 'YYYY-MM' or 'YYYY-MM-01' to the first day of that month, or null when it is neither. */
export function firstOfMonth(value: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-01)?$/.exec(value);
  return match ? `${match[1]}-${match[2]}-01` : null;
}
