import { DateTime } from 'luxon';

/** Date, hours and minutes, optional seconds and fraction, then Z or ±hh:mm: nothing else names an instant. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 date-time with an explicit offset as a Date, or null: a date alone, a time
 * without an offset, or a day that is not on the calendar (2026-02-30) is not an instant.
 */
export function parseInstant(value: string): Date | null {
  if (!INSTANT.test(value)) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}
