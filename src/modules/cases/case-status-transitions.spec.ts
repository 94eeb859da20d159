import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { CaseStatus } from './case.enums';
import { allowedNextStatuses, assertCaseTransition, canTransition, CASE_STATUS_TRANSITIONS } from './case-status-transitions';

/** Written out independently of the table, so a slip in either one fails the spec. */
const ALLOWED = new Set([
  'IDENTIFIED->CONTACTED',
  'IDENTIFIED->CHURNED',
  'CONTACTED->COMPENSATING',
  'CONTACTED->RECOVERING',
  'CONTACTED->CHURNED',
  'COMPENSATING->RECOVERING',
  'COMPENSATING->CHURNED',
  'RECOVERING->RECOVERED',
  'RECOVERING->COMPENSATING',
  'RECOVERING->CHURNED',
  'RECOVERED->RECOVERING',
  'CHURNED->RECOVERING',
]);

const STATUSES = Object.values(CaseStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

describe('case status transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(CASE_STATUS_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it.each(PAIRS.filter(([from, to]) => ALLOWED.has(`${from}->${to}`)))('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(allowedNextStatuses(from)).toContain(to);
    expect(() => assertCaseTransition(from, to)).not.toThrow();
  });

  it.each(PAIRS.filter(([from, to]) => !ALLOWED.has(`${from}->${to}`)))('refuses %s -> %s with CONFLICT', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(allowedNextStatuses(from)).not.toContain(to);
    let thrown: unknown;
    try {
      assertCaseTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    const exception = thrown as AppException;
    expect(exception.code).toBe(ErrorCode.Conflict);
    expect(exception.details.allowedNextStatuses).toEqual(allowedNextStatuses(from));
    for (const next of allowedNextStatuses(from)) expect(exception.message).toContain(next);
  });

  it('covers all 36 pairs, 12 of them allowed', () => {
    expect(PAIRS).toHaveLength(36);
    expect(PAIRS.filter(([from, to]) => canTransition(from, to))).toHaveLength(ALLOWED.size);
  });

  it('says when a case is already in the requested status', () => {
    expect(() => assertCaseTransition(CaseStatus.CONTACTED, CaseStatus.CONTACTED)).toThrow(/already CONTACTED/);
  });
});
