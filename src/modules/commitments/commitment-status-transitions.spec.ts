import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { CommitmentStatus } from './commitment.enums';
import { assertCommitmentTransition, COMMITMENT_STATUS_TRANSITIONS } from './commitment-status-transitions';

const ALLOWED = new Set(['OPEN->DONE', 'OPEN->DROPPED']);
const STATUSES = Object.values(CommitmentStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

describe('commitment status transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(COMMITMENT_STATUS_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it.each(PAIRS)('%s -> %s', (from, to) => {
    if (ALLOWED.has(`${from}->${to}`)) {
      expect(() => assertCommitmentTransition(from, to)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      assertCommitmentTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    expect((thrown as AppException).code).toBe(ErrorCode.Conflict);
  });
});
