import { businessHours, isRealTimeZone, mergeRanges, suggestSlots, TimeRange } from './business-slots';

const range = (start: string, end: string): TimeRange => ({ start: new Date(start), end: new Date(end) });
const iso = (ranges: TimeRange[]) => ranges.map((r) => [r.start.toISOString(), r.end.toISOString()]);

describe('business slots', () => {
  it('knows real IANA zones from made-up ones', () => {
    expect(isRealTimeZone('Europe/Berlin')).toBe(true);
    expect(isRealTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isRealTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isRealTimeZone('Europe/Berlín')).toBe(false);
  });

  it('merges overlapping and touching ranges', () => {
    const merged = mergeRanges([
      range('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      range('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
      range('2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z'),
      range('2026-12-01T13:00:00Z', '2026-12-01T14:00:00Z'),
    ]);
    expect(iso(merged)).toEqual([
      ['2026-12-01T09:00:00.000Z', '2026-12-01T12:00:00.000Z'],
      ['2026-12-01T13:00:00.000Z', '2026-12-01T14:00:00.000Z'],
    ]);
  });

  it('follows Berlin across the end of summer time (Sunday 25 October 2026)', () => {
    // Friday 23rd is CEST (UTC+2), Monday 26th CET (UTC+1); the weekend has no hours.
    const hours = businessHours(range('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'), 'Europe/Berlin');
    expect(iso(hours)).toEqual([
      ['2026-10-23T07:00:00.000Z', '2026-10-23T15:00:00.000Z'],
      ['2026-10-26T08:00:00.000Z', '2026-10-26T16:00:00.000Z'],
    ]);
  });

  it('follows New York across the start of daylight time (Sunday 8 March 2026)', () => {
    const hours = businessHours(range('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'), 'America/New_York');
    expect(iso(hours)).toEqual([
      ['2026-03-06T14:00:00.000Z', '2026-03-06T22:00:00.000Z'],
      ['2026-03-09T13:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ]);
  });

  it('uses the local calendar day in a zone ahead of UTC', () => {
    // Monday 09:00 in Tokyo is Sunday 24:00 UTC.
    const hours = businessHours(range('2026-11-29T00:00:00Z', '2026-11-30T12:00:00Z'), 'Asia/Tokyo');
    expect(iso(hours)).toEqual([['2026-11-30T00:00:00.000Z', '2026-11-30T08:00:00.000Z']]);
  });

  it('suggests back-to-back slots around busy time, on quarter hours, and skips to the next business day', () => {
    const slots = suggestSlots({
      window: range('2026-10-23T07:10:00Z', '2026-10-27T00:00:00Z'),
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      count: 5,
      busy: [range('2026-10-23T08:30:00Z', '2026-10-23T09:20:00Z'), range('2026-10-23T10:00:00Z', '2026-10-23T15:00:00Z')],
    });
    expect(iso(slots)).toEqual([
      // 07:10 rounds up to 07:15; 07:15–08:45 would clash with 08:30, so nothing before the busy stretch.
      ['2026-10-26T08:00:00.000Z', '2026-10-26T09:30:00.000Z'],
      ['2026-10-26T09:30:00.000Z', '2026-10-26T11:00:00.000Z'],
      ['2026-10-26T11:00:00.000Z', '2026-10-26T12:30:00.000Z'],
      ['2026-10-26T12:30:00.000Z', '2026-10-26T14:00:00.000Z'],
      ['2026-10-26T14:00:00.000Z', '2026-10-26T15:30:00.000Z'],
    ]);
  });

  it('finds a short slot in a gap between meetings', () => {
    const slots = suggestSlots({
      window: range('2026-10-23T00:00:00Z', '2026-10-24T00:00:00Z'),
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      count: 2,
      busy: [range('2026-10-23T07:00:00Z', '2026-10-23T09:20:00Z'), range('2026-10-23T10:00:00Z', '2026-10-23T15:00:00Z')],
    });
    expect(iso(slots)).toEqual([['2026-10-23T09:30:00.000Z', '2026-10-23T10:00:00.000Z']]);
  });

  it('returns nothing when the duration does not fit in a business day', () => {
    const slots = suggestSlots({
      window: range('2026-10-19T00:00:00Z', '2026-10-24T00:00:00Z'),
      timeZone: 'Europe/Berlin',
      durationMinutes: 9 * 60,
      count: 3,
      busy: [],
    });
    expect(slots).toEqual([]);
  });
});
