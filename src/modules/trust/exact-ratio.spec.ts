import { basisPoints, recencyWeight, roundHalfUp, wholeDaysBetween } from './exact-ratio';

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

  it('weighs a signal H days old half as much as one from today', () => {
    expect(recencyWeight(0, 30)).toBe(1000n);
    expect(recencyWeight(30, 30)).toBe(500n);
    expect(recencyWeight(90, 30)).toBe(250n);
    expect(recencyWeight(1, 30)).toBe(967n);
  });

  it('counts whole days, flooring', () => {
    const asOf = new Date('2026-03-01T00:00:00Z');
    expect(wholeDaysBetween(new Date('2026-02-28T00:00:00.001Z'), asOf)).toBe(0);
    expect(wholeDaysBetween(new Date('2026-02-28T00:00:00Z'), asOf)).toBe(1);
    expect(wholeDaysBetween(new Date('2026-03-01T00:00:01Z'), asOf)).toBe(-1);
  });
});
