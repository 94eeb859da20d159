import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TrustReason', { description: 'Why an index is low, e.g. "no contact in 21 days".' })
export class TrustReasonModel {
  @Field({ description: 'CHURNED, NO_SIGNALS, NO_CONTACT, NPS_DETRACTOR, LOW_SURVEY_TRUST, LOW_REVENUE, NEGATIVE_SENTIMENT, LOW_RESPONSIVENESS, PROMISES_BROKEN or OVERDUE_ITEMS.' })
  code: string;

  @Field()
  message: string;

  @Field(() => Int, { description: 'Index points it costs.' })
  points: number;
}
