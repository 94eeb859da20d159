import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { assertNotBefore, happenedAt, isoInstant } from './after-the-fact';

const now = new Date('2026-10-20T12:00:00Z');

function failure(run: () => unknown): AppException {
  try {
    run();
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('happenedAt', () => {
  it('defaults to now when nothing is given', () => {
    expect(happenedAt('openedAt', undefined, now)).toEqual(now);
    expect(happenedAt('openedAt', null, now)).toEqual(now);
  });

  it('takes the past and now itself', () => {
    const past = new Date('2026-10-01T08:30:00Z');
    expect(happenedAt('openedAt', past, now)).toEqual(past);
    expect(happenedAt('openedAt', new Date(now), now)).toEqual(now);
  });

  it('refuses the future, even by a millisecond, naming the field', () => {
    const e = failure(() => happenedAt('changedAt', new Date(now.getTime() + 1), now));
    expect(e.code).toBe(ErrorCode.BadUserInput);
    expect(e.message).toMatch(/^changedAt must not be in the future/);
    expect(e.details).toEqual({ fields: ['changedAt'] });
  });

  it('refuses an invalid date', () => {
    expect(failure(() => happenedAt('madeAt', new Date('nope'), now)).message).toBe('madeAt is not a valid time');
  });
});

describe('assertNotBefore', () => {
  const floor = new Date('2026-06-01T08:00:00Z');

  it('accepts the floor itself and later', () => {
    expect(() => assertNotBefore('openedAt', floor, floor, 'the crisis was detected')).not.toThrow();
    expect(() => assertNotBefore('openedAt', now, floor, 'the crisis was detected')).not.toThrow();
  });

  it('refuses earlier, saying what the floor is and when', () => {
    const e = failure(() => assertNotBefore('openedAt', new Date(floor.getTime() - 1), floor, 'the crisis was detected'));
    expect(e.code).toBe(ErrorCode.BadUserInput);
    expect(e.message).toBe('openedAt must not be before the crisis was detected (2026-06-01T08:00:00Z)');
    expect(e.details).toEqual({ fields: ['openedAt'] });
  });
});

describe('isoInstant', () => {
  it('keeps milliseconds only when there are some', () => {
    expect(isoInstant(new Date('2026-06-01T08:00:00Z'))).toBe('2026-06-01T08:00:00Z');
    expect(isoInstant(new Date('2026-06-01T08:00:00.250Z'))).toBe('2026-06-01T08:00:00.250Z');
  });
});
