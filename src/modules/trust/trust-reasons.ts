import { roundHalfUp } from './exact-ratio';
import { TRUST_COMPONENTS, TrustComponentKey } from './trust-component';

/** Codes in the order that breaks ties between reasons that cost the same points. */
export const TRUST_REASON_CODES = [
  'CHURNED',
  'NO_SIGNALS',
  'NO_CONTACT',
  'NPS_DETRACTOR',
  'LOW_SURVEY_TRUST',
  'LOW_REVENUE',
  'NEGATIVE_SENTIMENT',
  'LOW_RESPONSIVENESS',
  'PROMISES_BROKEN',
  'OVERDUE_ITEMS',
] as const;

export type TrustReasonCode = (typeof TRUST_REASON_CODES)[number];

export interface TrustReason {
  code: TrustReasonCode;
  message: string;
  /** Index points this reason costs (a component's lost share, or the overdue penalty). */
  points: number;
}

/** A component below this (basis points of 0–1) is named as a reason. */
export const REASON_BELOW_BP: Readonly<Record<Exclude<TrustComponentKey, 'nps'>, number>> = {
  surveyTrust: 6000,
  sentiment: 5000,
  responsiveness: 5000,
  revenue: 8000,
  promises: 8000,
};

export const MAX_REASONS = 3;

export interface ReasonInputs {
  churned: boolean;
  /** Basis points per component, null without data. */
  bp: Record<TrustComponentKey, number | null>;
  weights: Record<TrustComponentKey, number>;
  latestNps: number | null;
  daysSinceContact: number;
  noContactDays: number;
  promisesKept: number;
  promisesDue: number;
  overdueItems: number;
  penaltyPoints: number;
}

const pct = (bp: number) => Number(roundHalfUp(BigInt(bp), 100n));

/** The top reasons an index is low, most costly first. */
export function trustReasons(input: ReasonInputs): TrustReason[] {
  if (input.churned) return [{ code: 'CHURNED', message: 'case churned', points: 100 }];
  const { bp, weights } = input;
  const present = TRUST_COMPONENTS.filter((k) => bp[k] !== null);
  const totalWeight = present.reduce((sum, k) => sum + weights[k], 0);
  const lost = (k: TrustComponentKey): number =>
    bp[k] === null || totalWeight === 0
      ? 0
      : Number(roundHalfUp(BigInt(weights[k]) * BigInt(10_000 - (bp[k] as number)), BigInt(100 * totalWeight)));
  const below = (k: Exclude<TrustComponentKey, 'nps'>) => bp[k] !== null && (bp[k] as number) < REASON_BELOW_BP[k];

  const reasons: TrustReason[] = [];
  if (present.length === 0) reasons.push({ code: 'NO_SIGNALS', message: 'no trust signals yet', points: 100 });
  const noContact = input.daysSinceContact >= input.noContactDays;
  if (noContact) reasons.push({ code: 'NO_CONTACT', message: `no contact in ${input.daysSinceContact} days`, points: lost('responsiveness') });
  if (bp.nps !== null && input.latestNps !== null && input.latestNps <= 6) {
    reasons.push({ code: 'NPS_DETRACTOR', message: `NPS detractor (latest score ${input.latestNps})`, points: lost('nps') });
  }
  if (below('surveyTrust')) {
    reasons.push({ code: 'LOW_SURVEY_TRUST', message: `survey trust at ${pct(bp.surveyTrust as number)}%`, points: lost('surveyTrust') });
  }
  if (below('revenue')) {
    reasons.push({ code: 'LOW_REVENUE', message: `revenue at ${pct(bp.revenue as number)}% of baseline`, points: lost('revenue') });
  }
  if (below('sentiment')) {
    reasons.push({ code: 'NEGATIVE_SENTIMENT', message: 'negative sentiment in recent interactions', points: lost('sentiment') });
  }
  if (!noContact && below('responsiveness')) {
    reasons.push({
      code: 'LOW_RESPONSIVENESS',
      message: `only ${pct(bp.responsiveness as number)}% of outreach reached someone`,
      points: lost('responsiveness'),
    });
  }
  if (below('promises')) {
    reasons.push({ code: 'PROMISES_BROKEN', message: `${input.promisesKept} of ${input.promisesDue} promises kept`, points: lost('promises') });
  }
  if (input.overdueItems > 0) {
    const items = `${input.overdueItems} overdue item${input.overdueItems === 1 ? '' : 's'}`;
    reasons.push({ code: 'OVERDUE_ITEMS', message: items, points: input.penaltyPoints });
  }
  return reasons
    .sort((a, b) => b.points - a.points || TRUST_REASON_CODES.indexOf(a.code) - TRUST_REASON_CODES.indexOf(b.code))
    .slice(0, MAX_REASONS);
}
