import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { CompensationStatus } from './compensation.enums';
import {
  allowedNextCompensationStatuses,
  assertCompensationTransition,
  canCompensationTransition,
  COMPENSATION_TRANSITIONS,
} from './compensation-transitions';

/** Written out independently of the table, so a slip in either one fails the spec. */
const ALLOWED = new Set([
  'PROPOSED->APPROVED',
  'PROPOSED->REJECTED',
  'PROPOSED->CANCELLED',
  'APPROVED->ISSUED',
  'APPROVED->CANCELLED',
  'ISSUED->ACCEPTED',
  'ISSUED->DECLINED',
]);

const STATUSES = Object.values(CompensationStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

describe('compensation status transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(COMPENSATION_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it.each(PAIRS.filter(([from, to]) => ALLOWED.has(`${from}->${to}`)))('allows %s -> %s', (from, to) => {
    expect(canCompensationTransition(from, to)).toBe(true);
    expect(allowedNextCompensationStatuses(from)).toContain(to);
    expect(() => assertCompensationTransition(from, to)).not.toThrow();
  });

  it.each(PAIRS.filter(([from, to]) => !ALLOWED.has(`${from}->${to}`)))('refuses %s -> %s with CONFLICT', (from, to) => {
    expect(canCompensationTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertCompensationTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    const exception = thrown as AppException;
    expect(exception.code).toBe(ErrorCode.Conflict);
    expect(exception.details.allowedNextStatuses).toEqual(allowedNextCompensationStatuses(from));
  });

  it('covers all 49 pairs, 7 of them allowed', () => {
    expect(PAIRS).toHaveLength(49);
    expect(PAIRS.filter(([from, to]) => canCompensationTransition(from, to))).toHaveLength(ALLOWED.size);
  });

  it('names final statuses as final', () => {
    expect(() => assertCompensationTransition(CompensationStatus.ACCEPTED, CompensationStatus.DECLINED)).toThrow(/ACCEPTED is final/);
    expect(() => assertCompensationTransition(CompensationStatus.APPROVED, CompensationStatus.APPROVED)).toThrow(/already APPROVED/);
  });
});
