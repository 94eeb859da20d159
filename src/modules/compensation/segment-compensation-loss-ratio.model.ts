import { Field, ObjectType } from '@nestjs/graphql';
import { CompensationLossRatioModel } from './compensation-loss-ratio.model';

@ObjectType('SegmentCompensationLossRatio', { description: 'The loss ratio of the cases of one stakeholder segment, in one currency.' })
export class SegmentCompensationLossRatioModel extends CompensationLossRatioModel {
  @Field(() => String, { nullable: true, description: 'Null groups the stakeholders without a segment.' })
  segment: string | null;
}
