import { ImportStatus } from './import.enums';

const { UPLOADED, VALIDATING, VALIDATED, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED } = ImportStatus;

/**
 * The import lifecycle. The migration's trigger enforces the same table in the database, so a
 * bug or a second worker cannot move an import backwards.
 */
export const IMPORT_STATUS_TRANSITIONS: Readonly<Record<ImportStatus, readonly ImportStatus[]>> = {
  [UPLOADED]: [VALIDATING, FAILED, CANCELLED],
  [VALIDATING]: [VALIDATED, FAILED, CANCELLED],
  // Back to UPLOADED when the mapping changes: the dry run runs again.
  [VALIDATED]: [UPLOADED, QUEUED, CANCELLED],
  [QUEUED]: [RUNNING, CANCELLED, FAILED],
  [RUNNING]: [SUCCEEDED, FAILED, CANCELLED],
  [SUCCEEDED]: [],
  [FAILED]: [],
  [CANCELLED]: [],
};

export function canMoveImport(from: ImportStatus, to: ImportStatus): boolean {
  return IMPORT_STATUS_TRANSITIONS[from].includes(to);
}

export function isFinished(status: ImportStatus): boolean {
  return IMPORT_STATUS_TRANSITIONS[status].length === 0;
}
