import { registerEnumType } from '@nestjs/graphql';

export enum MeetingKind {
  FOLLOW_UP_CALL = 'FOLLOW_UP_CALL',
  REVIEW_MEETING = 'REVIEW_MEETING',
  SITE_VISIT = 'SITE_VISIT',
  EXECUTIVE_VISIT = 'EXECUTIVE_VISIT',
}

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}

registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'An EXECUTIVE_VISIT needs at least one LEADERSHIP attendee.',
});
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
