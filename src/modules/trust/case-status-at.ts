import { CaseStatus } from '../cases/case.enums';

export interface CaseStatusChange {
  /** The audit entry's id, which orders changes at the same instant. */
  id: bigint;
  occurredAt: Date;
  before: CaseStatus;
}

/**
 * A case's status just before `asOf`: what the first status change at or after asOf moved it
 * from, or its current status when nothing has changed since.
 */
export function caseStatusAt(current: CaseStatus, changes: readonly CaseStatusChange[], asOf: Date): CaseStatus {
  let first: CaseStatusChange | null = null;
  for (const c of changes) {
    if (c.occurredAt < asOf) continue;
    if (!first || c.occurredAt < first.occurredAt || (c.occurredAt.getTime() === first.occurredAt.getTime() && c.id < first.id)) first = c;
  }
  return first ? first.before : current;
}
