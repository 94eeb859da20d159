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

/**
 * Recency weight of a signal `ageDays` old: 1,000 × H / (H + age), truncated, so a signal
 * H days old weighs half as much as one from today, 3H days a quarter, and so on.
 */
export function recencyWeight(ageDays: number, halfLifeDays: number): bigint {
  return (1000n * BigInt(halfLifeDays)) / BigInt(halfLifeDays + ageDays);
}
