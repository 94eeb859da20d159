import { registerEnumType } from '@nestjs/graphql';

export enum OutreachAction {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  SURVEY = 'SURVEY',
}

export enum OutreachTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  SKIPPED = 'SKIPPED',
  CANCELLED = 'CANCELLED',
}

export enum EnrolmentStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  STOPPED = 'STOPPED',
}

registerEnumType(OutreachAction, { name: 'OutreachAction' });
registerEnumType(OutreachTaskStatus, {
  name: 'OutreachTaskStatus',
  description: 'Overdue is not a status: an OPEN task whose dueAt has passed.',
});
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus', description: 'ACTIVE and PAUSED enrolments are live; a case has at most one.' });
