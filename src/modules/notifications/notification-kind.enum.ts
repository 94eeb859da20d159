import { registerEnumType } from '@nestjs/graphql';

/**
 * What a notification is about. Stored as text, so adding a kind needs no migration.
 * The SLA and cadence work adds its kinds here.
 */
export enum NotificationKind {
  TEMPLATE_VERSION_SUBMITTED = 'TEMPLATE_VERSION_SUBMITTED',
  TEMPLATE_VERSION_APPROVED = 'TEMPLATE_VERSION_APPROVED',
  TEMPLATE_VERSION_RETIRED = 'TEMPLATE_VERSION_RETIRED',
  COMMITMENT_OVERDUE = 'COMMITMENT_OVERDUE',
  SLA_ESCALATION = 'SLA_ESCALATION',
  TASK_DUE_SOON = 'TASK_DUE_SOON',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
