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
}

registerEnumType(InteractionDirection, { name: 'InteractionDirection', description: 'INBOUND: they contacted us.' });
registerEnumType(InteractionOutcome, { name: 'InteractionOutcome' });
registerEnumType(TimelineItemKind, { name: 'TimelineItemKind' });
