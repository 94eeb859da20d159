import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CompensationKind, CompensationStatus } from './compensation.enums';

@ObjectType('CompensationTotal', { description: 'Compensation of one kind and status in one currency: how many, and their value.' })
export class CompensationTotalModel {
  @Field(() => CompensationKind)
  kind: CompensationKind;

  @Field(() => CompensationStatus)
  status: CompensationStatus;

  @Field(() => Int)
  count: number;

  @Field(() => MoneyModel, { description: 'The sum of their values; currencies are never added together.' })
  total: MoneyModel;
}
