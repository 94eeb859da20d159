import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination/connection.model';
import { TimelineItemKind } from './interaction.enums';

/**
 * One entry of a case's timeline. Compensation steps and meetings join as further kinds
 * (and implementations) later.
 */
@InterfaceType('TimelineItem', {
  description: 'One entry of a case timeline, newest first.',
  resolveType: (item: { kind: TimelineItemKind }) =>
    item.kind === TimelineItemKind.INTERACTION ? 'InteractionTimelineItem' : 'StatusChangeTimelineItem',
})
export class TimelineItemModel {
  @Field(() => ID, { description: 'The id of the interaction or of the audit entry.' })
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
