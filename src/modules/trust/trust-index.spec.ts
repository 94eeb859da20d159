import { CaseStatus } from '../cases/case.enums';
import { CommitmentStatus } from '../commitments/commitment.enums';
import { InteractionDirection, InteractionOutcome } from '../interactions/interaction.enums';
import { SurveyKind } from '../signals/signal.enums';
import { TrustBand } from './trust-band.enum';
import { InteractionFact, SurveyFact, TrustFacts, TrustFormulaSettings } from './trust-facts';
import { computeTrustIndex } from './trust-index';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
/** A minute more than d whole days before AS_OF: d days old, and strictly before it. */
const daysAgo = (d: number) => new Date(AS_OF.getTime() - d * DAY - 60_000);

const SETTINGS: TrustFormulaSettings = {
  weights: { surveyTrust: 25, nps: 20, sentiment: 15, responsiveness: 15, revenue: 15, promises: 10 },
  lookbackMonths: 6,
  recentMonths: 2,
  recentWeight: 2,
  noContactDays: 21,
  overduePenaltyPoints: 5,
  overduePenaltyCap: 25,
  recoveringMin: 45,
  recoveredMin: 75,
};

function facts(over: Partial<TrustFacts> = {}): TrustFacts {
  return {
    asOf: AS_OF,
    asOfMonth: '2026-05-01',
    crisisMonth: '2026-01-01',
    status: CaseStatus.RECOVERING,
    caseCreatedAt: daysAgo(5),
    surveys: [],
    interactions: [],
    revenue: [],
    baseline: null,
    commitments: [],
    outreachTasks: [],
    ...over,
  };
}

const survey = (kind: SurveyKind, score: number, ago: number, isPreCrisis = false): SurveyFact => ({
  kind,
  score,
  respondedAt: daysAgo(ago),
  isPreCrisis,
});
const call = (ago: number, outcome = InteractionOutcome.REACHED, sentiment: number | null = null): InteractionFact => ({
  direction: InteractionDirection.OUTBOUND,
  outcome,
  sentiment,
  occurredAt: daysAgo(ago),
});
const only = (key: keyof TrustFormulaSettings['weights']): TrustFormulaSettings => ({
  ...SETTINGS,
  weights: { surveyTrust: 0, nps: 0, sentiment: 0, responsiveness: 0, revenue: 0, promises: 0, [key]: 10 },
});
const bp = (r: ReturnType<typeof computeTrustIndex>, key: string) => r.components.find((c) => c.key === key)?.basisPoints;

describe('computeTrustIndex', () => {
  describe('with no signals', () => {
    it('scores 0, AT_RISK, saying there are no signals', () => {
      const r = computeTrustIndex(facts({ caseCreatedAt: daysAgo(3) }), SETTINGS);
      expect(r.index).toBe(0);
      expect(r.band).toBe(TrustBand.AT_RISK);
      expect(r.components.every((c) => c.basisPoints === null)).toBe(true);
      expect(r.reasons).toEqual([{ code: 'NO_SIGNALS', message: 'no trust signals yet', points: 100 }]);
    });
  });

  describe('survey trust', () => {
    it.each([
      [1, 0],
      [3, 5000],
      [5, 10000],
    ])('a trust score of %i is %i basis points', (score, expected) => {
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, score, 1)] }), SETTINGS);
      expect(bp(r, 'surveyTrust')).toBe(expected);
      expect(r.index).toBe(expected / 100);
    });

    it('counts the last two months twice: recent responses weigh more', () => {
      // May (this month) and April weigh 2, March 1: (2*4 + 2*0 + 1*4) / (4 * 5) = 60%.
      const r = computeTrustIndex(
        facts({ surveys: [survey(SurveyKind.TRUST, 5, 1), survey(SurveyKind.TRUST, 1, 40), survey(SurveyKind.TRUST, 5, 70)] }),
        SETTINGS,
      );
      expect(bp(r, 'surveyTrust')).toBe(6000);
    });

    it('counts the lookback months and no others: not before asOf, not before the crisis month', () => {
      const at = (respondedAt: string) => facts({ surveys: [{ ...survey(SurveyKind.TRUST, 5, 0), respondedAt: new Date(respondedAt) }] });
      // May back to December: six months; with the crisis in January, December is before it.
      expect(bp(computeTrustIndex(at('2026-01-01T00:00:00Z'), SETTINGS), 'surveyTrust')).toBe(10000);
      expect(bp(computeTrustIndex(at('2025-12-31T23:59:59Z'), SETTINGS), 'surveyTrust')).toBeNull();
      expect(bp(computeTrustIndex(at('2026-01-15T00:00:00Z'), { ...SETTINGS, lookbackMonths: 4 }), 'surveyTrust')).toBeNull();
      expect(bp(computeTrustIndex(at('2026-02-15T00:00:00Z'), { ...SETTINGS, lookbackMonths: 4 }), 'surveyTrust')).toBe(10000);
      expect(bp(computeTrustIndex(at(AS_OF.toISOString()), SETTINGS), 'surveyTrust')).toBeNull();
    });

    it('leaves pre-crisis responses out of the index but reports them', () => {
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 5, 200, true), survey(SurveyKind.TRUST, 2, 2)] }), SETTINGS);
      expect(bp(r, 'surveyTrust')).toBe(2500);
      expect(r.preCrisis.TRUST).toBe(5);
      expect(r.latest.TRUST).toBe(2);
    });
  });

  describe('NPS', () => {
    it.each([
      [10, 10000],
      [9, 10000],
      [8, 5000],
      [7, 5000],
      [6, 0],
      [0, 0],
    ])('a score of %i is %i basis points (promoter 1, passive 1/2, detractor 0)', (score, expected) => {
      expect(bp(computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, score, 1)] }), SETTINGS), 'nps')).toBe(expected);
    });

    it('names a detractor latest score, and not a passive one', () => {
      const detractor = computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, 9, 20), survey(SurveyKind.NPS, 6, 1)] }), only('nps'));
      expect(detractor.reasons.map((x) => x.message)).toContain('NPS detractor (latest score 6)');
      const passive = computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, 2, 20), survey(SurveyKind.NPS, 7, 1)] }), only('nps'));
      expect(passive.reasons.map((x) => x.code)).not.toContain('NPS_DETRACTOR');
    });

    it('takes the lowest of simultaneous latest scores, whatever the order', () => {
      const a = computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, 9, 1), survey(SurveyKind.NPS, 4, 1)] }), SETTINGS);
      const b = computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, 4, 1), survey(SurveyKind.NPS, 9, 1)] }), SETTINGS);
      expect(a.latest.NPS).toBe(4);
      expect(b.latest.NPS).toBe(4);
    });
  });

  describe('interactions', () => {
    it.each([
      [-2, 0],
      [0, 5000],
      [2, 10000],
    ])('sentiment %i is %i basis points', (sentiment, expected) => {
      expect(bp(computeTrustIndex(facts({ interactions: [call(1, InteractionOutcome.REACHED, sentiment)] }), SETTINGS), 'sentiment')).toBe(expected);
    });

    it('responsiveness is the weighted share of outbound outreach that reached someone', () => {
      const r = computeTrustIndex(
        facts({ interactions: [call(0, InteractionOutcome.NO_ANSWER), call(0, InteractionOutcome.RESOLVED), call(0, InteractionOutcome.LEFT_MESSAGE)] }),
        SETTINGS,
      );
      expect(bp(r, 'responsiveness')).toBe(3333);
      const inbound = computeTrustIndex(
        facts({ interactions: [{ ...call(0, InteractionOutcome.NO_ANSWER), direction: InteractionDirection.INBOUND }] }),
        SETTINGS,
      );
      expect(bp(inbound, 'responsiveness')).toBeNull();
    });

    it('says "no contact in N days" from the noContactDays edge, counting from the case opening without contact', () => {
      const at20 = computeTrustIndex(facts({ caseCreatedAt: daysAgo(60), interactions: [call(20)] }), SETTINGS);
      expect(at20.reasons.map((x) => x.code)).not.toContain('NO_CONTACT');
      const at21 = computeTrustIndex(facts({ caseCreatedAt: daysAgo(60), interactions: [call(21)] }), SETTINGS);
      expect(at21.reasons.map((x) => x.message)).toContain('no contact in 21 days');
      const unanswered = computeTrustIndex(facts({ caseCreatedAt: daysAgo(30), interactions: [call(1, InteractionOutcome.NO_ANSWER)] }), SETTINGS);
      expect(unanswered.daysSinceContact).toBe(30);
      expect(unanswered.reasons.map((x) => x.message)).toContain('no contact in 30 days');
      // An inbound message is contact, whatever its outcome.
      const inbound = computeTrustIndex(
        facts({ caseCreatedAt: daysAgo(30), interactions: [{ ...call(2, InteractionOutcome.NO_ANSWER), direction: InteractionDirection.INBOUND }] }),
        SETTINGS,
      );
      expect(inbound.daysSinceContact).toBe(2);
    });
  });

  describe('revenue', () => {
    const baseline = { amountMinor: 1_000_000n, currency: 'EUR' };
    it('is the share of baseline, capped at 100%, from the latest of the as-of month and the two before', () => {
      // The as-of month is May; June is not one of them.
      const r = computeTrustIndex(
        facts({
          baseline,
          revenue: [
            { month: '2026-04-01', amountMinor: 900_000n, currency: 'EUR' },
            { month: '2026-05-01', amountMinor: 400_000n, currency: 'EUR' },
            { month: '2026-06-01', amountMinor: 2_000_000n, currency: 'EUR' },
          ],
        }),
        only('revenue'),
      );
      expect(bp(r, 'revenue')).toBe(4000);
      expect(r.reasons.map((x) => x.message)).toContain('revenue at 40% of baseline');
      const windfall = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-05-01', amountMinor: 5_000_000n, currency: 'EUR' }] }), SETTINGS);
      expect(bp(windfall, 'revenue')).toBe(10000);
    });

    it('reads three months back and no further, and only in the baseline currency', () => {
      const march = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-03-01', amountMinor: 1n, currency: 'EUR' }] }), SETTINGS);
      expect(bp(march, 'revenue')).toBe(0);
      const feb = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-02-01', amountMinor: 1n, currency: 'EUR' }] }), SETTINGS);
      expect(bp(feb, 'revenue')).toBeNull();
      const usd = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-05-01', amountMinor: 1n, currency: 'USD' }] }), SETTINGS);
      expect(bp(usd, 'revenue')).toBeNull();
      const noBaseline = computeTrustIndex(
        facts({ baseline: { amountMinor: 0n, currency: 'EUR' }, revenue: [{ month: '2026-05-01', amountMinor: 1n, currency: 'EUR' }] }),
        SETTINGS,
      );
      expect(bp(noBaseline, 'revenue')).toBeNull();
    });

    it('names revenue below 80% of baseline (in whole basis points), not at 80%', () => {
      const at80 = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-05-01', amountMinor: 800_000n, currency: 'EUR' }] }), only('revenue'));
      expect(at80.reasons.map((x) => x.code)).not.toContain('LOW_REVENUE');
      const below = computeTrustIndex(facts({ baseline, revenue: [{ month: '2026-05-01', amountMinor: 799_949n, currency: 'EUR' }] }), only('revenue'));
      expect(below.reasons.map((x) => x.message)).toContain('revenue at 80% of baseline');
    });
  });

  describe('promises and overdue items', () => {
    const commitment = (status: CommitmentStatus, dueOn: string, changed: string | null) => ({
      status,
      dueOn,
      statusChangedAt: changed ? new Date(changed) : null,
      createdAt: daysAgo(90),
    });

    it('is kept / due as of asOf: done on or before the due date is kept; dropped or late is not', () => {
      const r = computeTrustIndex(
        facts({
          commitments: [
            commitment(CommitmentStatus.DONE, '2026-05-10', '2026-05-10T23:00:00Z'),
            commitment(CommitmentStatus.DONE, '2026-05-10', '2026-05-11T00:00:00Z'),
            commitment(CommitmentStatus.DROPPED, '2026-05-20', '2026-05-15T00:00:00Z'),
            commitment(CommitmentStatus.OPEN, '2026-05-31', null),
            commitment(CommitmentStatus.OPEN, '2026-06-01', null),
            // Done after asOf: at asOf it was still open and overdue.
            commitment(CommitmentStatus.DONE, '2026-05-01', '2026-06-02T00:00:00Z'),
          ],
        }),
        only('promises'),
      );
      expect(r.promises).toEqual({ kept: 1, due: 5 });
      expect(bp(r, 'promises')).toBe(2000);
      expect(r.overdueItems).toBe(2);
      expect(r.penaltyPoints).toBe(10);
      expect(r.index).toBe(10);
      expect(r.reasons.map((x) => x.message)).toEqual(['1 of 5 promises kept', '2 overdue items']);
    });

    it('counts overdue outreach tasks as of asOf, and caps the penalty', () => {
      const task = (dueAgo: number, completedAgo: number | null, createdAgo = 60) => ({
        dueAt: daysAgo(dueAgo),
        completedAt: completedAgo === null ? null : daysAgo(completedAgo),
        createdAt: daysAgo(createdAgo),
      });
      const tasks = [task(5, null), task(5, 1), task(5, -1), task(5, 6), task(-1, null), task(5, null, -2), ...Array(6).fill(task(9, null))];
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 5, 1)], outreachTasks: tasks }), SETTINGS);
      // Open, done only after asOf, and six more open: 8 overdue, 40 points capped at 25. Not: done
      // before asOf, done before due, due later, created after asOf.
      expect(r.overdueItems).toBe(8);
      expect(r.penaltyPoints).toBe(25);
      expect(r.index).toBe(75);
      expect(r.reasons[0]).toEqual({ code: 'OVERDUE_ITEMS', message: '8 overdue items', points: 25 });
    });

    it('never goes below 0', () => {
      const tasks = Array(5).fill({ dueAt: daysAgo(2), completedAt: null, createdAt: daysAgo(9) });
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 1, 1)], outreachTasks: tasks }), SETTINGS);
      expect(r.index).toBe(0);
    });
  });

  describe('weights and bands', () => {
    it('is the weighted mean of the components with data, rounded half up', () => {
      // Trust 5/5 (10000, weight 25), NPS detractor (0, weight 20): 250000/45 = 5555.6 bp -> 55.56 -> 56.
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 5, 1), survey(SurveyKind.NPS, 3, 1)] }), SETTINGS);
      expect(r.index).toBe(56);
      expect(r.band).toBe(TrustBand.RECOVERING);
      expect(r.reasons).toEqual([{ code: 'NPS_DETRACTOR', message: 'NPS detractor (latest score 3)', points: 44 }]);
    });

    it('rounds an exact half up', () => {
      // NPS passive (5000) and trust 1 (0) with equal weights: 25.00 exactly; with trust 2 (2500): 37.5 -> 38.
      const s = { ...SETTINGS, weights: { ...SETTINGS.weights, surveyTrust: 20, nps: 20 } };
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 2, 1), survey(SurveyKind.NPS, 7, 1)] }), s);
      expect(r.index).toBe(38);
    });

    it('puts a band edge where the thresholds say', () => {
      const at = (score: number, s = SETTINGS) => computeTrustIndex(facts({ surveys: [survey(SurveyKind.NPS, score, 1)] }), s);
      const s = { ...SETTINGS, recoveringMin: 50, recoveredMin: 100 };
      expect(at(7, s).band).toBe(TrustBand.RECOVERING);
      expect(at(9, s).band).toBe(TrustBand.RECOVERED);
      expect(at(7, { ...SETTINGS, recoveringMin: 51, recoveredMin: 100 }).band).toBe(TrustBand.AT_RISK);
    });

    it('a zero weight leaves a component shown but uncounted', () => {
      const r = computeTrustIndex(facts({ surveys: [survey(SurveyKind.TRUST, 5, 1), survey(SurveyKind.NPS, 0, 1)] }), {
        ...SETTINGS,
        weights: { ...SETTINGS.weights, nps: 0 },
      });
      expect(r.index).toBe(100);
      expect(bp(r, 'nps')).toBe(0);
    });
  });

  describe('churn', () => {
    it('a churned case scores 0 with one reason, its components still shown', () => {
      const r = computeTrustIndex(facts({ status: CaseStatus.CHURNED, surveys: [survey(SurveyKind.TRUST, 5, 1)] }), SETTINGS);
      expect(r.index).toBe(0);
      expect(r.band).toBe(TrustBand.AT_RISK);
      expect(bp(r, 'surveyTrust')).toBe(10000);
      expect(r.reasons).toEqual([{ code: 'CHURNED', message: 'case churned', points: 100 }]);
    });
  });

  describe('reasons', () => {
    it('lists at most three, most costly first, ties in code order', () => {
      const r = computeTrustIndex(
        facts({
          caseCreatedAt: daysAgo(60),
          surveys: [survey(SurveyKind.TRUST, 1, 1), survey(SurveyKind.NPS, 0, 1)],
          interactions: [call(40, InteractionOutcome.NO_ANSWER, -2)],
        }),
        { ...SETTINGS, weights: { surveyTrust: 10, nps: 10, sentiment: 10, responsiveness: 10, revenue: 0, promises: 0 } },
      );
      expect(r.reasons).toEqual([
        { code: 'NO_CONTACT', message: 'no contact in 60 days', points: 25 },
        { code: 'NPS_DETRACTOR', message: 'NPS detractor (latest score 0)', points: 25 },
        { code: 'LOW_SURVEY_TRUST', message: 'survey trust at 0%', points: 25 },
      ]);
    });

    it('names survey trust below 60% and sentiment below 50%, not at them', () => {
      // Trust 3.4 of 5 -> 6000 bp: mix 1000 weight of 4 and 1000 of 3 -> (3+2)/8 = 6250; use exact edges instead.
      const trustAt = (scores: number[]) =>
        computeTrustIndex(facts({ surveys: scores.map((s) => survey(SurveyKind.TRUST, s, 0)) }), SETTINGS).reasons.map((x) => x.code);
      expect(trustAt([4, 4, 3, 3, 3])).not.toContain('LOW_SURVEY_TRUST'); // (3+3+2+2+2)/20 = 60%
      expect(trustAt([4, 3, 3, 3, 3])).toContain('LOW_SURVEY_TRUST'); // 11/20 = 55%
      const sentimentAt = (values: number[]) =>
        computeTrustIndex(facts({ interactions: values.map((v) => call(0, InteractionOutcome.REACHED, v)) }), SETTINGS).reasons.map((x) => x.code);
      expect(sentimentAt([0])).not.toContain('NEGATIVE_SENTIMENT');
      expect(sentimentAt([0, -1])).toContain('NEGATIVE_SENTIMENT');
    });

    it('names low responsiveness only while there has been recent contact', () => {
      const r = computeTrustIndex(
        facts({ interactions: [call(1, InteractionOutcome.REACHED), call(0, InteractionOutcome.NO_ANSWER), call(0, InteractionOutcome.NO_ANSWER)] }),
        SETTINGS,
      );
      expect(r.reasons.map((x) => x.message)).toEqual(['only 33% of outreach reached someone']);
    });
  });
});
