import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination/connection.model';
import { TimelineItemKind } from './interaction.enums';

const TYPE_OF_KIND: Record<TimelineItemKind, string> = {
  INTERACTION: 'InteractionTimelineItem',
  STATUS_CHANGE: 'StatusChangeTimelineItem',
  COMPENSATION_STEP: 'CompensationTimelineItem',
  MEETING: 'MeetingTimelineItem',
};

/** One entry of a case's timeline; each kind has its own implementation. */
@InterfaceType('TimelineItem', {
  description: 'One entry of a case timeline, newest first.',
  resolveType: (item: { kind: TimelineItemKind }) => TYPE_OF_KIND[item.kind],
})
export class TimelineItemModel {
  @Field(() => ID, { description: 'The id of the interaction, or of the audit entry for the other kinds.' })
  id: string;

  @Field(() => TimelineItemKind)
  kind: TimelineItemKind;

  @Field()
  occurredAt: Date;

  @Field({ description: 'One line a person can read.' })
  summary: string;

  @Field(() => GraphQLJSONObject, { description: 'The kind-specific fields, e.g. channel and outcome of an interaction.' })
  details: Record<string, unknown>;

  /** Resolved into `actor` through the request's user loader. */
  actorId: string | null;
}

export const TimelineItemConnection = ConnectionType(TimelineItemModel, 'TimelineItem');
