import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PromiseKeptRate', {
  description:
    'Our commitments done by their due date, over our commitments due: those whose due date (UTC) has passed, plus those already done. Dropped ones past due count as not kept.',
})
export class PromiseKeptRateModel {
  @Field(() => Int)
  kept: number;

  @Field(() => Int)
  due: number;

  @Field(() => Float, { nullable: true, description: 'kept / due, 0 to 1; null when nothing is due yet.' })
  rate: number | null;
}
