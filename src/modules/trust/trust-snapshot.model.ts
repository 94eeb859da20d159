import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CaseStatus } from '../cases/case.enums';
import { CaseTrustSnapshotEntity } from './case-trust-snapshot.entity';
import { SurveyScoresModel } from './survey-scores.model';
import { TrustBand } from './trust-band.enum';
import { TrustReasonModel } from './trust-reason.model';
import { listOf } from '../../common/graphql/cost/query-cost';
import { MAX_REASONS } from './trust-reasons';

const num = (v: string | null) => (v === null ? null : Number(v));

@ObjectType('TrustSnapshot', { description: 'A case’s trust index for one calendar month since its crisis started.' })
export class TrustSnapshotModel {
  @Field(() => ID)
  caseId: string;

  @Field(() => Int, { description: '0 is the month the crisis started in.' })
  monthIndex: number;

  @Field({ description: '"YYYY-MM-01"' })
  monthStart: string;

  @Field({ description: 'When the month was measured: the start of the next month, or the last refresh for the current month.' })
  asOf: Date;

  @Field(() => Int)
  trustIndex: number;

  @Field(() => TrustBand)
  band: TrustBand;

  @Field(() => Float, { nullable: true })
  surveyTrust: number | null;

  @Field(() => Float, { nullable: true })
  nps: number | null;

  @Field(() => Float, { nullable: true })
  sentiment: number | null;

  @Field(() => Float, { nullable: true })
  responsiveness: number | null;

  @Field(() => Float, { nullable: true })
  revenueShare: number | null;

  @Field(() => Float, { nullable: true })
  promisesKept: number | null;

  @Field(() => Int)
  overdueItems: number;

  @Field(() => [TrustReasonModel], { complexity: listOf(MAX_REASONS) })
  reasons: TrustReasonModel[];

  @Field(() => SurveyScoresModel)
  latestScores: SurveyScoresModel;

  @Field(() => MoneyModel, { nullable: true, description: 'The revenue the month was measured with (see revenueMonth).' })
  revenue: MoneyModel | null;

  @Field(() => String, { nullable: true })
  revenueMonth: string | null;

  @Field(() => MoneyModel, { nullable: true })
  baseline: MoneyModel | null;

  @Field(() => CaseStatus, { description: 'The case’s status at asOf.' })
  caseStatus: CaseStatus;

  static from(e: CaseTrustSnapshotEntity): TrustSnapshotModel {
    return Object.assign(new TrustSnapshotModel(), {
      caseId: e.caseId,
      monthIndex: e.monthIndex,
      monthStart: e.monthStart,
      asOf: e.asOf,
      trustIndex: e.trustIndex,
      band: e.band,
      surveyTrust: num(e.componentSurveyTrust),
      nps: num(e.componentNps),
      sentiment: num(e.componentSentiment),
      responsiveness: num(e.componentResponsiveness),
      revenueShare: num(e.componentRevenue),
      promisesKept: num(e.componentPromises),
      overdueItems: e.overdueItems,
      reasons: e.reasons.map((r) => Object.assign(new TrustReasonModel(), r)),
      latestScores: Object.assign(new SurveyScoresModel(), { nps: e.latestNps, csat: e.latestCsat, trust: e.latestTrust }),
      revenue: MoneyModel.of(e.revenueMinor, e.currency),
      revenueMonth: e.revenueMonth,
      baseline: MoneyModel.of(e.baselineMinor, e.currency),
      caseStatus: e.caseStatus,
    });
  }
}
