import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PromiseKeptRateModel } from '../../commitments/promise-kept-rate.model';
import { NpsModel } from './nps.model';
import { RevenueShareModel } from './revenue-share.model';
import { ShareModel } from './share.model';

@ObjectType('RecoveryMonth', {
  description: "One month since the crisis, from the cases' monthly trust snapshots (cases in scope that have a snapshot for the month).",
})
export class RecoveryMonthModel {
  @Field(() => Int, { description: 'Months since the crisis, as numbered by the snapshots (0 is the first).' })
  monthIndex: number;

  @Field(() => Int, { description: 'Cases in scope with a snapshot for this month.' })
  cases: number;

  @Field(() => Float, { description: 'Mean trust index (0–100) of those snapshots, rounded to 2 decimals.' })
  averageTrustIndex: number;

  @Field(() => NpsModel)
  nps: NpsModel;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the cases' latest CSAT answer (1–5) as of the month's end, over cases that have one, rounded to 2 decimals; null when none has.",
  })
  averageCsat: number | null;

  @Field(() => [RevenueShareModel], { description: 'Per currency, by code.' })
  revenueVsBaseline: RevenueShareModel[];

  @Field(() => ShareModel, {
    description: "Retention. Denominator: the month's snapshots. Numerator: those whose case was not CHURNED at the month's end.",
  })
  retention: ShareModel;

  @Field(() => PromiseKeptRateModel, {
    description:
      "Our commitments on these cases due in this month (due date within the snapshot's calendar month), with the promise-kept rule of `promiseKeptRate`.",
  })
  promiseKept: PromiseKeptRateModel;
}
