import { AppException } from '../../common/errors/app.exception';
import { CaseStatus } from './case.enums';

const { IDENTIFIED, CONTACTED, COMPENSATING, RECOVERING, RECOVERED, CHURNED } = CaseStatus;

/**
 * Where a recovery case may go next from each status. Anything not listed is refused.
 * RECOVERED can relapse and CHURNED can be won back, both into RECOVERING.
 */
export const CASE_STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  [IDENTIFIED]: [CONTACTED, CHURNED],
  [CONTACTED]: [COMPENSATING, RECOVERING, CHURNED],
  [COMPENSATING]: [RECOVERING, CHURNED],
  [RECOVERING]: [RECOVERED, COMPENSATING, CHURNED],
  [RECOVERED]: [RECOVERING],
  [CHURNED]: [RECOVERING],
};

export function allowedNextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return CASE_STATUS_TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_STATUS_TRANSITIONS[from].includes(to);
}

/** Refuses a move the table does not allow; a conflict with the case's current state, not bad input. */
export function assertCaseTransition(from: CaseStatus, to: CaseStatus): void {
  if (canTransition(from, to)) return;
  const allowed = allowedNextStatuses(from);
  const reason = from === to ? `The case is already ${to}` : `A case cannot move from ${from} to ${to}`;
  throw AppException.conflict(`${reason}; from ${from} it can move to ${allowed.join(', ')}`, {
    status: from,
    requestedStatus: to,
    allowedNextStatuses: [...allowed],
  });
}
