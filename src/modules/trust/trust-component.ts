/** The weighted parts of the trust index, in the order they are explained. */
export const TRUST_COMPONENTS = ['surveyTrust', 'nps', 'sentiment', 'responsiveness', 'revenue', 'promises'] as const;

export type TrustComponentKey = (typeof TRUST_COMPONENTS)[number];

/** An exact ratio; value = numerator / denominator, null when there was nothing to measure. */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}
