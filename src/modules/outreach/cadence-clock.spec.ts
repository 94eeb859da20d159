import { nextBusinessMoment } from './business-hours';
import { parseOffset, stepDueAt } from './cadence-clock';

const iso = (d: Date) => d.toISOString();

describe('nextBusinessMoment', () => {
  it.each([
    ['inside hours stays put', '2026-11-25T10:30:00Z', 'Europe/London', '2026-11-25T10:30:00.000Z'],
    ['before opening moves to 09:00 the same day', '2026-11-25T06:00:00Z', 'Europe/Berlin', '2026-11-25T08:00:00.000Z'],
    ['exactly at closing moves to the next morning', '2026-11-25T16:00:00Z', 'Europe/Berlin', '2026-11-26T08:00:00.000Z'],
    ['Friday evening moves to Monday', '2026-11-27T18:00:00Z', 'Europe/London', '2026-11-30T09:00:00.000Z'],
    ['Saturday moves to Monday', '2026-11-28T12:00:00Z', 'America/New_York', '2026-11-30T14:00:00.000Z'],
    ['uses the local weekday, not UTC’s', '2026-11-27T23:30:00Z', 'Asia/Tokyo', '2026-11-30T00:00:00.000Z'],
  ])('%s', (_, instant, zone, expected) => {
    expect(iso(nextBusinessMoment(new Date(instant), zone))).toBe(expected);
  });

  it('lands on 09:00 local on both sides of a daylight-saving change', () => {
    // Europe/Berlin leaves summer time on Sunday 25 October 2026.
    expect(iso(nextBusinessMoment(new Date('2026-10-23T17:00:00Z'), 'Europe/Berlin'))).toBe('2026-10-26T08:00:00.000Z');
    expect(iso(nextBusinessMoment(new Date('2026-10-22T17:00:00Z'), 'Europe/Berlin'))).toBe('2026-10-23T07:00:00.000Z');
    // America/New_York starts summer time on Sunday 8 March 2026.
    expect(iso(nextBusinessMoment(new Date('2026-03-07T12:00:00Z'), 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => nextBusinessMoment(new Date(), 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});

describe('stepDueAt', () => {
  it('adds hours as elapsed time and moves the result into business hours', () => {
    // Enrolled Wednesday 14:00 in London; +4h is 18:00, after closing: Thursday 09:00.
    expect(iso(stepDueAt(new Date('2026-11-25T14:00:00Z'), 'PT4H', 'Europe/London'))).toBe('2026-11-26T09:00:00.000Z');
    expect(iso(stepDueAt(new Date('2026-11-25T10:00:00Z'), 'PT4H', 'Europe/London'))).toBe('2026-11-25T14:00:00.000Z');
  });

  it('adds days on the local calendar across a daylight-saving change', () => {
    // Friday 23 October 2026, 10:00 in Berlin (UTC+2); +3 days is Monday 26 October, 10:00 (UTC+1).
    expect(iso(stepDueAt(new Date('2026-10-23T08:00:00Z'), 'P3D', 'Europe/Berlin'))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('keeps PT24H as 24 real hours across the same change', () => {
    // Saturday 24 October 10:00 +24h = Sunday 09:00 local (the clock went back), a Sunday: Monday 09:00.
    expect(iso(stepDueAt(new Date('2026-10-24T08:00:00Z'), 'PT24H', 'Europe/Berlin'))).toBe('2026-10-26T08:00:00.000Z');
  });

  it('clamps a month step to the end of a shorter month', () => {
    // Friday 30 January 2026 11:00 in New York, +1 month = 28 February 2026 (a Saturday): Monday 2 March 09:00.
    expect(iso(stepDueAt(new Date('2026-01-30T16:00:00Z'), 'P1M', 'America/New_York'))).toBe('2026-03-02T14:00:00.000Z');
    // Thursday 31 December 2026 +2 months = Sunday 28 February 2027: Monday 1 March 2027, 09:00 GMT.
    expect(iso(stepDueAt(new Date('2026-12-31T10:00:00Z'), 'P2M', 'Europe/London'))).toBe('2027-03-01T09:00:00.000Z');
  });

  it.each(['PT0S', 'P1W', 'P1Y2M3DT4H5M6S'])('accepts the offset %j', (offset) => {
    expect(parseOffset(offset).isValid).toBe(true);
  });

  it.each(['4h', 'P', 'PT', 'P1.5D', '-PT4H', 'tomorrow', ''])('refuses the offset %j', (offset) => {
    expect(() => parseOffset(offset)).toThrow(/ISO 8601 duration/);
  });
});
