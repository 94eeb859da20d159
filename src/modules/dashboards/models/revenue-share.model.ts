import { Field, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from '../../../common/money/big-int.scalar';
import { MoneyModel } from '../../../common/money/money.model';

@ObjectType('RevenueShare', {
  description:
    "Revenue against the pre-crisis baseline in one currency, over the month's snapshots that have both a revenue figure and a baseline; others are excluded.",
})
export class RevenueShareModel {
  @Field()
  currency: string;

  @Field(() => MoneyModel, { description: "Sum of the month's revenue of those snapshots." })
  revenue: MoneyModel;

  @Field(() => MoneyModel, { description: 'Sum of their monthly baselines.' })
  baseline: MoneyModel;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'revenue ÷ baseline in basis points (10000 = back at baseline), rounded down, exact; null when the baseline sum is 0.',
  })
  shareBasisPoints: string | null;
}
