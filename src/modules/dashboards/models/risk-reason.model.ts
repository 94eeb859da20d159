import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('RiskReason', { description: 'Why a case scores low, as the trust snapshot recorded it.' })
export class RiskReasonModel {
  @Field({ description: 'A stable code, e.g. for grouping.' })
  code: string;

  @Field()
  message: string;

  @Field(() => Float, { description: 'Index points this reason costs.' })
  points: number;
}
