import { Field, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from '../../common/money/big-int.scalar';
import { MoneyModel } from '../../common/money/money.model';

@ObjectType('CompensationLossRatio', {
  description: 'Issued compensation the stakeholders kept (ISSUED and ACCEPTED, not DECLINED) against the estimated loss, in one currency.',
})
export class CompensationLossRatioModel {
  @Field({ description: 'ISO 4217 code of both amounts.' })
  currency: string;

  @Field(() => MoneyModel)
  issued: MoneyModel;

  @Field(() => MoneyModel)
  estimatedLoss: MoneyModel;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'issued ÷ estimatedLoss in basis points (10000 = 100%), rounded down, exact integer arithmetic; null when the loss is 0.',
  })
  ratioBasisPoints: string | null;
}
