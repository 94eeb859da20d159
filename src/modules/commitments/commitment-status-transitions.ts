import { AppException } from '../../common/errors/app.exception';
import { CommitmentStatus } from './commitment.enums';

const { OPEN, DONE, DROPPED } = CommitmentStatus;

/** A promise is kept or dropped once; both are final. */
export const COMMITMENT_STATUS_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  [OPEN]: [DONE, DROPPED],
  [DONE]: [],
  [DROPPED]: [],
};

export function assertCommitmentTransition(from: CommitmentStatus, to: CommitmentStatus): void {
  if (COMMITMENT_STATUS_TRANSITIONS[from].includes(to)) return;
  const reason = from === to ? `The commitment is already ${to}` : `A commitment cannot move from ${from} to ${to}`;
  throw AppException.conflict(`${reason}; only an OPEN commitment can become DONE or DROPPED`, {
    status: from,
    requestedStatus: to,
    allowedNextStatuses: [...COMMITMENT_STATUS_TRANSITIONS[from]],
  });
}
