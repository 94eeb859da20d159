/**
 * Integer arithmetic shared by the trust formula in TypeScript and in SQL: every ratio is
 * rounded half up from exact integers, so both give the same number to the last digit
 * (no floating point, whose sums depend on the order rows arrive in).
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('roundHalfUp takes a non-negative numerator and a positive denominator');
  return (2n * numerator + denominator) / (2n * denominator);
}

/** numerator / denominator in basis points (0–10,000 for a share), rounded half up. */
export function basisPoints(numerator: bigint, denominator: bigint): number {
  return Number(roundHalfUp(10_000n * numerator, denominator));
}

const DAY_MS = 86_400_000;

/** Whole days from `at` to `asOf` (floor), negative when `at` is later. */
export function wholeDaysBetween(at: Date, asOf: Date): number {
  return Math.floor((asOf.getTime() - at.getTime()) / DAY_MS);
}

/** Calendar months (UTC) from `fromMonth` ('YYYY-MM-01') to the month of `at`; negative before it. */
export function monthsFrom(fromMonth: string, at: Date | string): number {
  const [fy, fm] = fromMonth.split('-').map(Number);
  const [y, m] = typeof at === 'string' ? at.split('-').map(Number) : [at.getUTCFullYear(), at.getUTCMonth() + 1];
  return (y - fy) * 12 + (m - fm);
}

/**
 * Recency weight of a signal `monthsAgo` calendar months before the as-of month: recentWeight
 * within the last recentMonths, 1 for the rest of the lookback months, null outside them.
 */
export function recencyWeight(monthsAgo: number, s: { lookbackMonths: number; recentMonths: number; recentWeight: number }): bigint | null {
  if (monthsAgo < 0 || monthsAgo >= s.lookbackMonths) return null;
  return BigInt(monthsAgo < s.recentMonths ? s.recentWeight : 1);
}
