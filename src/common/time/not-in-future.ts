import { AppException } from '../errors/app.exception';

/** How far ahead of the server clock a past event may be dated: devices' clocks drift. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The one rule for every time that records something that has happened (a crisis's start,
 * detection and first statement, an interaction, a survey answer, a churn or renewal, a KPI
 * measurement, in the API and in imports): not after `now`, give or take the skew. Null when
 * it holds, else the message.
 */
export function futureProblem(field: string, at: Date, now: Date): string | null {
  if (at.getTime() <= now.getTime() + CLOCK_SKEW_MS) return null;
  return `${field} ${at.toISOString()} is in the future (it is now ${now.toISOString()}); record it once it has happened (up to 5 minutes of clock skew is accepted)`;
}

/** futureProblem as a BAD_USER_INPUT naming the field. */
export function assertNotInFuture(field: string, at: Date | null | undefined, now: Date): void {
  const problem = at ? futureProblem(field, at, now) : null;
  if (problem) throw AppException.badInput(problem, { fields: [field] });
}
