import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MeetingKind } from '../meetings/meeting.enums';
import { MeetingTimelineAction } from './interaction.enums';
import { TimelineItemModel } from './timeline-item.model';

@ObjectType('MeetingTimelineItem', {
  implements: () => [TimelineItemModel],
  description: 'A meeting of the case was scheduled, rescheduled, completed, cancelled or missed; the id is the audit entry.',
})
export class MeetingTimelineItemModel extends TimelineItemModel {
  @Field(() => ID)
  meetingId: string;

  @Field(() => MeetingKind)
  meetingKind: MeetingKind;

  @Field(() => MeetingTimelineAction)
  action: MeetingTimelineAction;

  @Field(() => String, { nullable: true, description: 'The outcome of a completed meeting, or the reason for a cancellation or move.' })
  note: string | null;
}
