import { Field, ObjectType } from '@nestjs/graphql';
import { InteractionModel } from './interaction.model';
import { TimelineItemModel } from './timeline-item.model';

@ObjectType('InteractionTimelineItem', { implements: () => [TimelineItemModel] })
export class InteractionTimelineItemModel extends TimelineItemModel {
  @Field(() => InteractionModel)
  interaction: InteractionModel;
}
