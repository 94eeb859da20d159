import { TrustBand } from './trust-band.enum';

/** AT_RISK below recoveringMin, RECOVERED from recoveredMin, RECOVERING in between. */
export function trustBandFor(index: number, thresholds: { recoveringMin: number; recoveredMin: number }): TrustBand {
  if (index >= thresholds.recoveredMin) return TrustBand.RECOVERED;
  if (index >= thresholds.recoveringMin) return TrustBand.RECOVERING;
  return TrustBand.AT_RISK;
}
