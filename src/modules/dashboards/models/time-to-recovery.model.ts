import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ShareModel } from './share.model';

@ObjectType('TimeToRecovery', {
  description:
    "How long cases take to be RECOVERED, by the snapshots: a case's recovery month is the first month index whose snapshot has case status RECOVERED at the month's end. Every case in scope counts in the denominators, also those never recovered or without snapshots.",
})
export class TimeToRecoveryModel {
  @Field(() => Int, { description: 'Cases in scope.' })
  cases: number;

  @Field(() => Int, { nullable: true, description: 'The smallest month index by which at least half of the cases in scope were RECOVERED; null when fewer than half ever were (or there are no cases).' })
  medianMonths: number | null;

  @Field(() => ShareModel, { description: 'Cases recovered by month index 3 (recovery month ≤ 3) over cases in scope.' })
  recoveredBy3Months: ShareModel;

  @Field(() => ShareModel, { description: 'The same by month index 6.' })
  recoveredBy6Months: ShareModel;

  @Field(() => ShareModel, { description: 'The same by month index 12.' })
  recoveredBy12Months: ShareModel;

  @Field(() => ShareModel, { description: 'Cases recovered in any month over cases in scope.' })
  recoveredEver: ShareModel;
}
