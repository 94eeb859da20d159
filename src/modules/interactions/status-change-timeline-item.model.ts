import { Field, ObjectType } from '@nestjs/graphql';
import { CaseStatus } from '../cases/case.enums';
import { TimelineItemModel } from './timeline-item.model';

@ObjectType('StatusChangeTimelineItem', { implements: () => [TimelineItemModel] })
export class StatusChangeTimelineItemModel extends TimelineItemModel {
  @Field(() => CaseStatus, { nullable: true, description: 'Null when the case was opened.' })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatus)
  toStatus: CaseStatus;

  @Field(() => String, { nullable: true })
  note: string | null;
}
