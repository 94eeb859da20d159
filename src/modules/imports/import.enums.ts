import { registerEnumType } from '@nestjs/graphql';

/** What a file holds. Each kind has its own profile (columns, row rules, staging, merge). */
export enum ImportKind {
  STAKEHOLDERS = 'STAKEHOLDERS',
  REVENUE = 'REVENUE',
  SURVEYS = 'SURVEYS',
}

export enum ImportStatus {
  UPLOADED = 'UPLOADED',
  VALIDATING = 'VALIDATING',
  VALIDATED = 'VALIDATED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** What to do with a row whose external_ref is already in Regain. */
export enum DuplicateMode {
  SKIP = 'SKIP',
  UPDATE = 'UPDATE',
}

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description:
    'STAKEHOLDERS: stakeholders with contacts and, with a crisis, a case each. REVENUE: revenue per stakeholder and month. ' +
    'SURVEYS: survey responses, on each stakeholder\'s case in the import\'s crisis (crisisId required).',
});
registerEnumType(ImportStatus, { name: 'ImportStatus', description: 'UPLOADED (stored; its dry run is queued) -> VALIDATING (a worker runs the dry run) -> VALIDATED -> QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED' });
registerEnumType(DuplicateMode, {
  name: 'DuplicateMode',
  description: 'SKIP leaves stakeholders already in Regain as they are; UPDATE changes the columns whose values differ.',
});
