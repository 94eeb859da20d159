import { registerEnumType } from '@nestjs/graphql';
import { SlaState } from '../outreach/sla-clock';

export enum SlaEscalationKind {
  GOLDEN_HOURS_BREACHED = 'GOLDEN_HOURS_BREACHED',
  REPLY_BREACHED = 'REPLY_BREACHED',
  TASK_OVERDUE = 'TASK_OVERDUE',
}

export enum SlaEscalationLevel {
  OWNER = 'OWNER',
  LEADERSHIP = 'LEADERSHIP',
}

registerEnumType(SlaEscalationKind, { name: 'SlaEscalationKind' });
registerEnumType(SlaEscalationLevel, { name: 'SlaEscalationLevel', description: 'Who an escalation went to.' });
registerEnumType(SlaState, { name: 'SlaState' });
