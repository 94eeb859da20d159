import { randomInt } from 'node:crypto';

/** 31 characters: digits and capitals without the look-alikes 0/O, 1/I/L. */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const COUPON_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

/**
 * A single-use coupon code such as "K7QM-3XRT-9HVA": 12 characters from a CSPRNG
 * (31^12 ≈ 2^59 possibilities, so unguessable), in groups of four so it can be read out
 * and typed.
 */
export function generateCouponCode(): string {
  const chars = Array.from({ length: 12 }, () => COUPON_ALPHABET[randomInt(COUPON_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}
