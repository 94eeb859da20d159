import { registerEnumType } from '@nestjs/graphql';

/** The kinds of record whose changes the audit trail keeps. */
export enum AuditedRecord {
  USER = 'USER',
  CRISIS = 'CRISIS',
  STAKEHOLDER = 'STAKEHOLDER',
  CONTACT = 'CONTACT',
  RECOVERY_CASE = 'RECOVERY_CASE',
  MESSAGE_TEMPLATE_VERSION = 'MESSAGE_TEMPLATE_VERSION',
  COMPENSATION = 'COMPENSATION',
  APPROVAL_POLICY = 'APPROVAL_POLICY',
  MEETING = 'MEETING',
  COMMITMENT = 'COMMITMENT',
  CADENCE = 'CADENCE',
  CADENCE_ENROLMENT = 'CADENCE_ENROLMENT',
  OUTREACH_TASK = 'OUTREACH_TASK',
  SLA_SETTINGS = 'SLA_SETTINGS',
  IMPORT = 'IMPORT',
  TRUST_SETTINGS = 'TRUST_SETTINGS',
}

registerEnumType(AuditedRecord, { name: 'AuditedRecord' });
