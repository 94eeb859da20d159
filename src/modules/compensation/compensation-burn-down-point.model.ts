import { Field, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';

@ObjectType('CompensationBurnDownPoint', { description: 'Retained issued compensation (ISSUED and ACCEPTED) in one period and cumulatively.' })
export class CompensationBurnDownPointModel {
  @Field({ description: 'First day of the period, YYYY-MM-DD in UTC.' })
  periodStart: string;

  @Field(() => MoneyModel)
  issuedInPeriod: MoneyModel;

  @Field(() => MoneyModel, { description: 'Everything issued up to the end of this period.' })
  issuedToDate: MoneyModel;
}
