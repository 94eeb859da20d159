import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CompensationKind, CompensationStatus } from '../compensation/compensation.enums';
import { TimelineItemModel } from './timeline-item.model';

@ObjectType('CompensationTimelineItem', {
  implements: () => [TimelineItemModel],
  description: 'One step of a compensation of the case (proposed, approved, issued...); the id is the audit entry.',
})
export class CompensationTimelineItemModel extends TimelineItemModel {
  @Field(() => ID)
  compensationId: string;

  @Field(() => CompensationKind)
  compensationKind: CompensationKind;

  @Field(() => CompensationStatus, { nullable: true, description: 'Null when the compensation was proposed.' })
  fromCompensationStatus: CompensationStatus | null;

  @Field(() => CompensationStatus)
  toCompensationStatus: CompensationStatus;

  @Field(() => MoneyModel)
  value: MoneyModel;

  @Field(() => String, { nullable: true, description: 'The reason or justification given with the step, if any.' })
  note: string | null;
}
