import { Field, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from '../../../common/money/big-int.scalar';
import { MoneyModel } from '../../../common/money/money.model';

@ObjectType('CostByCurrency', { description: 'Cost against loss and return, in one currency (currencies are never added together).' })
export class CostByCurrencyModel {
  @Field({ description: 'ISO 4217 code of every amount in this row.' })
  currency: string;

  @Field(() => MoneyModel, { description: 'Sum of the estimated loss of the cases in scope whose loss is in this currency.' })
  estimatedLoss: MoneyModel;

  @Field(() => MoneyModel, {
    description: 'Compensation the stakeholders kept: ISSUED and ACCEPTED (not DECLINED, not merely approved) on cases in scope, in this currency.',
  })
  compensationGiven: MoneyModel;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'compensationGiven ÷ estimatedLoss in basis points (10000 = 100%), rounded down, exact; null when the loss is 0.',
  })
  lossRatioBasisPoints: string | null;

  @Field(() => MoneyModel, {
    description:
      "Retained revenue: the revenue recorded for the cases' stakeholders, each calendar month counted once, from the crisis's month on, for the months at whose end the case was not CHURNED (as the trust snapshots of those months have it), in the stakeholder's baseline currency; a month without a recorded figure adds nothing.",
  })
  retainedRevenue: MoneyModel;

  @Field(() => BigIntScalar, {
    nullable: true,
    description:
      'Retained revenue per unit of compensation: retainedRevenue ÷ compensationGiven in basis points (10000 = one unit of revenue per unit given), rounded down, exact; null when nothing was given.',
  })
  retainedRevenuePerCompensationBasisPoints: string | null;
}
