import { registerEnumType } from '@nestjs/graphql';

export enum InteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum InteractionOutcome {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  LEFT_MESSAGE = 'LEFT_MESSAGE',
  DECLINED = 'DECLINED',
  RESOLVED = 'RESOLVED',
}

export enum TimelineItemKind {
  INTERACTION = 'INTERACTION',
  STATUS_CHANGE = 'STATUS_CHANGE',
  COMPENSATION_STEP = 'COMPENSATION_STEP',
  MEETING = 'MEETING',
}

/** What happened to a meeting of the case: booked, moved, or its status changed. */
export enum MeetingTimelineAction {
  SCHEDULED = 'SCHEDULED',
  RESCHEDULED = 'RESCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}

registerEnumType(InteractionDirection, { name: 'InteractionDirection', description: 'INBOUND: they contacted us.' });
registerEnumType(InteractionOutcome, { name: 'InteractionOutcome' });
registerEnumType(TimelineItemKind, { name: 'TimelineItemKind' });
registerEnumType(MeetingTimelineAction, { name: 'MeetingTimelineAction' });
