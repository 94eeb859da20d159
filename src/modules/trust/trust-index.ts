import { CaseStatus } from '../cases/case.enums';
import { CommitmentStatus } from '../commitments/commitment.enums';
import { InteractionDirection, InteractionOutcome } from '../interactions/interaction.enums';
import { SurveyKind } from '../signals/signal.enums';
import { basisPoints, monthsFrom, recencyWeight, roundHalfUp, wholeDaysBetween } from './exact-ratio';
import { TrustBand } from './trust-band.enum';
import { trustBandFor } from './trust-bands';
import { Ratio, TRUST_COMPONENTS, TrustComponentKey } from './trust-component';
import { SurveyFact, TrustFacts, TrustFormulaSettings } from './trust-facts';
import { TrustReason, trustReasons } from './trust-reasons';

/**
 * The trust index of one case as of one instant: the formula written down in the README
 * ("The trust index"). The snapshot SQL (trust-snapshot.sql.ts) implements the same formula
 * set-based; an end-to-end test compares the two on generated data.
 */
export interface TrustIndexResult {
  asOf: Date;
  index: number;
  band: TrustBand;
  components: { key: TrustComponentKey; basisPoints: number | null; weight: number }[];
  overdueItems: number;
  penaltyPoints: number;
  reasons: TrustReason[];
  latest: Record<SurveyKind, number | null>;
  preCrisis: Record<SurveyKind, number | null>;
  promises: { kept: number; due: number };
  daysSinceContact: number;
}

const REACHED = new Set([InteractionOutcome.REACHED, InteractionOutcome.RESOLVED]);

/** 'YYYY-MM-DD' of an instant in UTC. */
const utcDate = (at: Date) => at.toISOString().slice(0, 10);

/** Latest first; among responses at the same instant the lowest score, so the choice never depends on row order. */
function latestScore(surveys: SurveyFact[], kind: SurveyKind, preCrisis: boolean, asOf: Date): number | null {
  let best: SurveyFact | null = null;
  for (const s of surveys) {
    if (s.kind !== kind || s.isPreCrisis !== preCrisis || s.respondedAt >= asOf) continue;
    const t = s.respondedAt.getTime();
    const bt = best?.respondedAt.getTime();
    if (!best || t > (bt as number) || (t === bt && s.score < best.score)) best = s;
  }
  return best ? best.score : null;
}

/**
 * Recency-weighted mean of `value(x)` over `items`, as an exact ratio; null when nothing counts.
 * A signal counts when it is before asOf, not before the crisis month, and within the
 * lookback months of the as-of month.
 */
function weighted<T>(items: T[], at: (x: T) => Date, value: (x: T) => bigint, scale: bigint, facts: TrustFacts, s: TrustFormulaSettings): Ratio | null {
  const asOfIndex = monthsFrom(facts.crisisMonth, facts.asOfMonth);
  let numerator = 0n;
  let weights = 0n;
  for (const item of items) {
    if (at(item) >= facts.asOf) continue;
    const month = monthsFrom(facts.crisisMonth, at(item));
    const w = month < 0 ? null : recencyWeight(asOfIndex - month, s);
    if (w === null) continue;
    numerator += w * value(item);
    weights += w;
  }
  return weights > 0n ? { numerator, denominator: scale * weights } : null;
}

function revenueRatio(facts: TrustFacts): Ratio | null {
  const { baseline } = facts;
  if (!baseline || baseline.amountMinor <= 0n) return null;
  // The latest recorded month among the as-of month and the two before it.
  const candidates = facts.revenue.filter((r) => {
    const back = monthsFrom(r.month, facts.asOfMonth);
    return back >= 0 && back <= 2 && r.currency === baseline.currency;
  });
  if (candidates.length === 0) return null;
  const latest = candidates.reduce((a, b) => (b.month > a.month ? b : a));
  const capped = latest.amountMinor < baseline.amountMinor ? latest.amountMinor : baseline.amountMinor;
  return { numerator: capped, denominator: baseline.amountMinor };
}

function promiseCounts(facts: TrustFacts) {
  const asOfDate = utcDate(facts.asOf);
  let kept = 0;
  let due = 0;
  let overdue = 0;
  for (const c of facts.commitments) {
    if (c.createdAt >= facts.asOf) continue;
    const resolved = c.status !== CommitmentStatus.OPEN && c.statusChangedAt !== null && c.statusChangedAt < facts.asOf;
    const done = resolved && c.status === CommitmentStatus.DONE;
    if (c.dueOn < asOfDate || done) due += 1;
    if (done && utcDate(c.statusChangedAt as Date) <= c.dueOn) kept += 1;
    if (c.dueOn < asOfDate && !resolved) overdue += 1;
  }
  return { kept, due, overdue };
}

function overdueTasks(facts: TrustFacts): number {
  return facts.outreachTasks.filter(
    (t) => t.createdAt < facts.asOf && t.dueAt < facts.asOf && (t.completedAt === null || t.completedAt >= facts.asOf),
  ).length;
}

function daysSinceContact(facts: TrustFacts): number {
  let last = facts.caseCreatedAt.getTime();
  for (const i of facts.interactions) {
    const t = i.occurredAt.getTime();
    const contact = i.direction === InteractionDirection.INBOUND || REACHED.has(i.outcome);
    if (contact && t < facts.asOf.getTime() && t > last) last = t;
  }
  return wholeDaysBetween(new Date(last), facts.asOf);
}

const surveysOf = (facts: TrustFacts, kind: SurveyKind) => facts.surveys.filter((r) => r.kind === kind && !r.isPreCrisis);
const byKind = (pick: (kind: SurveyKind) => number | null) =>
  Object.fromEntries(Object.values(SurveyKind).map((k) => [k, pick(k)])) as Record<SurveyKind, number | null>;

export function computeTrustIndex(facts: TrustFacts, settings: TrustFormulaSettings): TrustIndexResult {
  const npsValue = (score: number) => (score >= 9 ? 2n : score >= 7 ? 1n : 0n);
  const promises = promiseCounts(facts);
  const ratios: Record<TrustComponentKey, Ratio | null> = {
    surveyTrust: weighted(surveysOf(facts, SurveyKind.TRUST), (r) => r.respondedAt, (r) => BigInt(r.score - 1), 4n, facts, settings),
    nps: weighted(surveysOf(facts, SurveyKind.NPS), (r) => r.respondedAt, (r) => npsValue(r.score), 2n, facts, settings),
    sentiment: weighted(
      facts.interactions.filter((i) => i.sentiment !== null),
      (i) => i.occurredAt,
      (i) => BigInt((i.sentiment as number) + 2),
      4n,
      facts,
      settings,
    ),
    responsiveness: weighted(
      facts.interactions.filter((i) => i.direction === InteractionDirection.OUTBOUND),
      (i) => i.occurredAt,
      (i) => (REACHED.has(i.outcome) ? 1n : 0n),
      1n,
      facts,
      settings,
    ),
    revenue: revenueRatio(facts),
    promises: promises.due > 0 ? { numerator: BigInt(promises.kept), denominator: BigInt(promises.due) } : null,
  };
  const bp = Object.fromEntries(
    TRUST_COMPONENTS.map((k) => [k, ratios[k] ? basisPoints(ratios[k].numerator, ratios[k].denominator) : null]),
  ) as Record<TrustComponentKey, number | null>;
  const weights = settings.weights;

  let weightSum = 0n;
  let weightedBp = 0n;
  for (const k of TRUST_COMPONENTS) {
    if (bp[k] === null) continue;
    weightSum += BigInt(weights[k]);
    weightedBp += BigInt(weights[k]) * BigInt(bp[k] as number);
  }
  const raw = weightSum > 0n ? Number(roundHalfUp(weightedBp, 100n * weightSum)) : 0;
  const overdueItems = promises.overdue + overdueTasks(facts);
  const penaltyPoints = Math.min(overdueItems * settings.overduePenaltyPoints, settings.overduePenaltyCap);
  const churned = facts.status === CaseStatus.CHURNED;
  const index = churned ? 0 : Math.max(0, raw - penaltyPoints);
  const latest = byKind((k) => latestScore(facts.surveys, k, false, facts.asOf));
  const contactDays = daysSinceContact(facts);

  return {
    asOf: facts.asOf,
    index,
    band: trustBandFor(index, settings),
    components: TRUST_COMPONENTS.map((key) => ({ key, basisPoints: bp[key], weight: weights[key] })),
    overdueItems,
    penaltyPoints,
    reasons: trustReasons({
      churned,
      bp,
      weights,
      latestNps: latest.NPS,
      daysSinceContact: contactDays,
      noContactDays: settings.noContactDays,
      promisesKept: promises.kept,
      promisesDue: promises.due,
      overdueItems,
      penaltyPoints,
    }),
    latest,
    preCrisis: byKind((k) => latestScore(facts.surveys, k, true, facts.asOf)),
    promises: { kept: promises.kept, due: promises.due },
    daysSinceContact: contactDays,
  };
}
