import { COUPON_ALPHABET, COUPON_CODE_PATTERN, generateCouponCode } from './coupon-code';

describe('coupon codes', () => {
  it('uses 31 unambiguous characters', () => {
    expect(new Set(COUPON_ALPHABET).size).toBe(31);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(COUPON_ALPHABET).not.toContain(ambiguous);
  });

  it('generates 4-4-4 groups from the alphabet, with every character in use', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = generateCouponCode();
      expect(code).toMatch(COUPON_CODE_PATTERN);
      for (const c of code.replace(/-/g, '')) seen.add(c);
    }
    expect(seen.size).toBe(31);
  });

  it('does not repeat over 10,000 codes', () => {
    const codes = Array.from({ length: 10000 }, generateCouponCode);
    expect(new Set(codes).size).toBe(10000);
  });
});
