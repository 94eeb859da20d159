import { CaseStatus } from '../cases/case.enums';
import { CommitmentStatus } from '../commitments/commitment.enums';
import { InteractionDirection, InteractionOutcome } from '../interactions/interaction.enums';
import { SurveyKind } from '../signals/signal.enums';

/** The settings the formula reads (the trust_settings row). */
export interface TrustWeights {
  surveyTrust: number;
  nps: number;
  sentiment: number;
  responsiveness: number;
  revenue: number;
  promises: number;
}

export interface TrustFormulaSettings {
  weights: TrustWeights;
  /** Calendar months of signals that count, the as-of month included. */
  lookbackMonths: number;
  /** The most recent of those months, whose signals count recentWeight times. */
  recentMonths: number;
  recentWeight: number;
  noContactDays: number;
  overduePenaltyPoints: number;
  overduePenaltyCap: number;
  recoveringMin: number;
  recoveredMin: number;
}

export interface SurveyFact {
  kind: SurveyKind;
  score: number;
  respondedAt: Date;
  isPreCrisis: boolean;
}

export interface InteractionFact {
  direction: InteractionDirection;
  outcome: InteractionOutcome;
  sentiment: number | null;
  occurredAt: Date;
}

export interface RevenueFact {
  /** 'YYYY-MM-01' */
  month: string;
  amountMinor: bigint;
  currency: string;
}

/** Only our own commitments (party OURS) count. */
export interface CommitmentFact {
  status: CommitmentStatus;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  statusChangedAt: Date | null;
  createdAt: Date;
}

export interface OutreachTaskFact {
  dueAt: Date;
  completedAt: Date | null;
  createdAt: Date;
}

/**
 * Everything the trust index of one case reads, as of one instant. Signals may include rows
 * outside the lookback months or after asOf: the formula itself decides what counts, so the
 * TypeScript and the SQL apply the same cut-offs.
 */
export interface TrustFacts {
  asOf: Date;
  /** 'YYYY-MM-01': the calendar month measured (the one asOf ends, or the current one). */
  asOfMonth: string;
  /** 'YYYY-MM-01': the month the case's crisis started in (month 0); earlier signals do not count. */
  crisisMonth: string;
  /** The case's status at asOf (see statusAt). */
  status: CaseStatus;
  caseCreatedAt: Date;
  surveys: SurveyFact[];
  interactions: InteractionFact[];
  revenue: RevenueFact[];
  baseline: { amountMinor: bigint; currency: string } | null;
  commitments: CommitmentFact[];
  outreachTasks: OutreachTaskFact[];
}
