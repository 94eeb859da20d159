import { TrustBand } from './trust-band.enum';
import { trustBandFor } from './trust-bands';

describe('trustBandFor', () => {
  const t = { recoveringMin: 45, recoveredMin: 75 };
  it.each([
    [0, TrustBand.AT_RISK],
    [44, TrustBand.AT_RISK],
    [45, TrustBand.RECOVERING],
    [74, TrustBand.RECOVERING],
    [75, TrustBand.RECOVERED],
    [100, TrustBand.RECOVERED],
  ])('index %i is %s', (index, band) => {
    expect(trustBandFor(index, t)).toBe(band);
  });

  it('follows the configured thresholds', () => {
    expect(trustBandFor(60, { recoveringMin: 61, recoveredMin: 90 })).toBe(TrustBand.AT_RISK);
    expect(trustBandFor(90, { recoveringMin: 61, recoveredMin: 90 })).toBe(TrustBand.RECOVERED);
  });
});
