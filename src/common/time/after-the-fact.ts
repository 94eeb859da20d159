import { AppException } from '../errors/app.exception';

/** An instant as people write it: ISO 8601 UTC, without milliseconds when there are none. */
export function isoInstant(at: Date): string {
  return at.toISOString().replace('.000Z', 'Z');
}

/**
 * When something happened, entered after the fact: the given instant, or now when none is
 * given. Never in the future: unlike a logged interaction (whose time a device's drifting
 * clock may set) these default to the server's now, so they take no skew, and a later change
 * defaulting to now can never be "before" an earlier one.
 */
export function happenedAt(field: string, given: Date | null | undefined, now: Date): Date {
  if (given === null || given === undefined) return now;
  if (Number.isNaN(given.getTime())) throw AppException.badInput(`${field} is not a valid time`, { fields: [field] });
  if (given.getTime() > now.getTime()) {
    throw AppException.badInput(`${field} must not be in the future (it is ${isoInstant(given)}, now is ${isoInstant(now)})`, { fields: [field] });
  }
  return given;
}

/** Refuses `at` earlier than `floor`; `what` names the floor, e.g. "the crisis was detected". */
export function assertNotBefore(field: string, at: Date, floor: Date, what: string): void {
  if (at.getTime() < floor.getTime()) {
    throw AppException.badInput(`${field} must not be before ${what} (${isoInstant(floor)})`, { fields: [field] });
  }
}
