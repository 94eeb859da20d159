import { CompensationKind } from './compensation.enums';
import { proposalShapeProblems } from './proposal-rules';

const TODAY = '2026-11-25';
const check = (p: Parameters<typeof proposalShapeProblems>[0]) => proposalShapeProblems(p, TODAY);

describe('proposal shape per kind', () => {
  it('accepts a well-formed proposal of each kind', () => {
    expect(check({ kind: CompensationKind.REFUND, hasValue: true, refundReference: 'ORD-1' })).toEqual([]);
    expect(check({ kind: CompensationKind.COUPON, hasValue: true, couponExpiresOn: '2026-11-26' })).toEqual([]);
    expect(check({ kind: CompensationKind.COUPON, hasValue: true, couponPercent: 100, couponExpiresOn: '2027-01-01' })).toEqual([]);
    expect(check({ kind: CompensationKind.CONTRACT_EXTENSION, hasValue: false, extensionMonths: 6 })).toEqual([]);
    expect(check({ kind: CompensationKind.SERVICE_CREDIT, hasValue: true })).toEqual([]);
    expect(check({ kind: CompensationKind.CUSTOM, hasValue: true, description: 'Free on-site audit' })).toEqual([]);
  });

  it('asks a refund for its reference', () => {
    expect(check({ kind: CompensationKind.REFUND, hasValue: true, refundReference: ' ' })).toEqual([expect.stringMatching(/refundReference/)]);
  });

  it('refuses a coupon expiring today or earlier, and one without expiry', () => {
    expect(check({ kind: CompensationKind.COUPON, hasValue: true, couponExpiresOn: TODAY })).toEqual([expect.stringMatching(/after today/)]);
    expect(check({ kind: CompensationKind.COUPON, hasValue: true, couponExpiresOn: '2026-01-01' })).toHaveLength(1);
    expect(check({ kind: CompensationKind.COUPON, hasValue: true })).toEqual([expect.stringMatching(/expiry/)]);
  });

  it('computes an extension value itself and needs months', () => {
    expect(check({ kind: CompensationKind.CONTRACT_EXTENSION, hasValue: true, extensionMonths: 3 })).toEqual([expect.stringMatching(/computed/)]);
    expect(check({ kind: CompensationKind.CONTRACT_EXTENSION, hasValue: false })).toEqual([expect.stringMatching(/extensionMonths/)]);
  });

  it('asks a custom compensation for a description and every other kind for a value', () => {
    expect(check({ kind: CompensationKind.CUSTOM, hasValue: true })).toEqual([expect.stringMatching(/description/)]);
    expect(check({ kind: CompensationKind.SERVICE_CREDIT, hasValue: false })).toEqual([expect.stringMatching(/value/)]);
  });

  it('refuses fields of another kind', () => {
    expect(check({ kind: CompensationKind.SERVICE_CREDIT, hasValue: true, refundReference: 'X', couponPercent: 5, extensionMonths: 2 })).toEqual([
      'refundReference is only for REFUND',
      'couponPercent is only for COUPON',
      'extensionMonths is only for CONTRACT_EXTENSION',
    ]);
  });
});
