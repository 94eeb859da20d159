import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { TemplateVersionStatus } from './message-template.enums';
import { assertVersionTransition, canTransitionVersion, TEMPLATE_VERSION_TRANSITIONS } from './template-version-transitions';

/** Written out independently of the table, so a slip in either one fails the spec. */
const ALLOWED = new Set(['DRAFT->IN_REVIEW', 'DRAFT->RETIRED', 'IN_REVIEW->APPROVED', 'IN_REVIEW->RETIRED', 'APPROVED->RETIRED']);

const STATUSES = Object.values(TemplateVersionStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

describe('template version transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(TEMPLATE_VERSION_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it.each(PAIRS.filter(([from, to]) => ALLOWED.has(`${from}->${to}`)))('allows %s -> %s', (from, to) => {
    expect(canTransitionVersion(from, to)).toBe(true);
    expect(() => assertVersionTransition(from, to)).not.toThrow();
  });

  it.each(PAIRS.filter(([from, to]) => !ALLOWED.has(`${from}->${to}`)))('refuses %s -> %s with CONFLICT', (from, to) => {
    expect(canTransitionVersion(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertVersionTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    expect((thrown as AppException).code).toBe(ErrorCode.Conflict);
    expect((thrown as AppException).details.allowedNextStatuses).toEqual([...TEMPLATE_VERSION_TRANSITIONS[from]]);
  });

  it('covers all 16 pairs, 5 of them allowed', () => {
    expect(PAIRS).toHaveLength(16);
    expect(PAIRS.filter(([from, to]) => canTransitionVersion(from, to))).toHaveLength(ALLOWED.size);
  });

  it('never returns to DRAFT, so a submitted version stays immutable', () => {
    for (const from of STATUSES) expect(canTransitionVersion(from, TemplateVersionStatus.DRAFT)).toBe(false);
  });

  it('says a retired version is final', () => {
    expect(() => assertVersionTransition(TemplateVersionStatus.RETIRED, TemplateVersionStatus.APPROVED)).toThrow(/final/);
  });
});
