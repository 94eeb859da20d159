import { AppException } from '../../common/errors/app.exception';
import { CompensationStatus } from './compensation.enums';

const { PROPOSED, APPROVED, REJECTED, CANCELLED, ISSUED, ACCEPTED, DECLINED } = CompensationStatus;

/** Where a compensation may go next from each status. Anything not listed is refused. */
export const COMPENSATION_TRANSITIONS: Readonly<Record<CompensationStatus, readonly CompensationStatus[]>> = {
  [PROPOSED]: [APPROVED, REJECTED, CANCELLED],
  [APPROVED]: [ISSUED, CANCELLED],
  [ISSUED]: [ACCEPTED, DECLINED],
  [REJECTED]: [],
  [CANCELLED]: [],
  [ACCEPTED]: [],
  [DECLINED]: [],
};

export function allowedNextCompensationStatuses(from: CompensationStatus): readonly CompensationStatus[] {
  return COMPENSATION_TRANSITIONS[from];
}

export function canCompensationTransition(from: CompensationStatus, to: CompensationStatus): boolean {
  return COMPENSATION_TRANSITIONS[from].includes(to);
}

/** Refuses a move the table does not allow: a conflict with the current state (someone else may have acted first). */
export function assertCompensationTransition(from: CompensationStatus, to: CompensationStatus): void {
  if (canCompensationTransition(from, to)) return;
  const allowed = allowedNextCompensationStatuses(from);
  const reason = from === to ? `The compensation is already ${to}` : `A compensation cannot move from ${from} to ${to}`;
  const next = allowed.length ? `from ${from} it can move to ${allowed.join(', ')}` : `${from} is final`;
  throw AppException.conflict(`${reason}; ${next}`, {
    status: from,
    requestedStatus: to,
    allowedNextStatuses: [...allowed],
  });
}
