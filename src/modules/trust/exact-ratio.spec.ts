import { basisPoints, monthsFrom, recencyWeight, roundHalfUp, wholeDaysBetween } from './exact-ratio';

describe('exact ratios', () => {
  it('rounds half up', () => {
    expect(roundHalfUp(5n, 2n)).toBe(3n);
    expect(roundHalfUp(7n, 3n)).toBe(2n);
    expect(roundHalfUp(8n, 3n)).toBe(3n);
    expect(roundHalfUp(0n, 9n)).toBe(0n);
  });

  it('refuses a zero denominator or a negative numerator', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(-1n, 2n)).toThrow(RangeError);
  });

  it('gives basis points exactly, beyond 2^53', () => {
    expect(basisPoints(1n, 3n)).toBe(3333);
    expect(basisPoints(2n, 3n)).toBe(6667);
    expect(basisPoints(1n, 20_000n)).toBe(1);
    expect(basisPoints(9_007_199_254_740_993n, 18_014_398_509_481_986n)).toBe(5000);
  });

  it('weighs the recent months recentWeight times, the rest of the lookback once, nothing beyond', () => {
    const s = { lookbackMonths: 6, recentMonths: 2, recentWeight: 3 };
    expect([-1, 0, 1, 2, 5, 6].map((k) => recencyWeight(k, s))).toEqual([null, 3n, 3n, 1n, 1n, null]);
    expect(recencyWeight(0, { lookbackMonths: 1, recentMonths: 1, recentWeight: 1 })).toBe(1n);
  });

  it('counts calendar months in UTC from a month', () => {
    expect(monthsFrom('2026-03-01', new Date('2026-03-31T23:59:59Z'))).toBe(0);
    expect(monthsFrom('2026-03-01', new Date('2026-04-01T00:00:00Z'))).toBe(1);
    expect(monthsFrom('2026-03-01', '2025-12-01')).toBe(-3);
    expect(monthsFrom('2025-11-01', new Date('2027-01-15T00:00:00Z'))).toBe(14);
  });

  it('counts whole days, flooring', () => {
    const asOf = new Date('2026-03-01T00:00:00Z');
    expect(wholeDaysBetween(new Date('2026-02-28T00:00:00.001Z'), asOf)).toBe(0);
    expect(wholeDaysBetween(new Date('2026-02-28T00:00:00Z'), asOf)).toBe(1);
    expect(wholeDaysBetween(new Date('2026-03-01T00:00:01Z'), asOf)).toBe(-1);
  });
});
