import { isEmail, isISO8601, isTimeZone } from 'class-validator';
import { isMoneyCurrency } from '../../common/money/currency-code';

/**
 * Field rules for stakeholders and contacts, shared by the GraphQL inputs (through their
 * decorators) and the CSV import (row by row), so both paths accept exactly the same values.
 */
export const STAKEHOLDER_LIMITS = {
  name: 200,
  segment: 60,
  region: 60,
  timeZone: 64,
  externalRef: 100,
  contractReference: 100,
  contactName: 200,
  contactTitle: 120,
  contactEmail: 254,
  contactPhone: 40,
} as const;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MINOR_UNITS = /^\d+$/;
/** PostgreSQL bigint's largest value: money columns are bigint minor units. */
const BIGINT_MAX = 9223372036854775807n;

/** A date written YYYY-MM-DD that exists on the calendar (no time, so no zone can shift it). */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });
}

const timeZones = new Map<string, boolean>();
/** An IANA time zone such as Europe/Berlin. Cached: an import asks about the same few zones a million times. */
export function isIanaTimeZone(value: string): boolean {
  let known = timeZones.get(value);
  if (known === undefined) {
    known = isTimeZone(value);
    if (timeZones.size < 10_000) timeZones.set(value, known);
  }
  return known;
}

/** An ISO 4217 code of money, upper case (inputs upper-case it first): the API's one rule (isMoneyCurrency). */
export function isCurrencyCode(value: string): boolean {
  return isMoneyCurrency(value);
}

/** Zero or more minor units that fit a bigint column. */
export function isMinorUnits(value: string): boolean {
  return MINOR_UNITS.test(value) && (value.length < 19 || BigInt(value) <= BIGINT_MAX);
}

export function isContactEmail(value: string): boolean {
  return isEmail(value);
}
