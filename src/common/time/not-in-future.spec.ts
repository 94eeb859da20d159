import { AppException } from '../errors/app.exception';
import { assertNotInFuture, CLOCK_SKEW_MS, futureProblem } from './not-in-future';

describe('not in the future', () => {
  const now = new Date('2026-03-06T15:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('takes the past, now and up to the clock skew ahead', () => {
    for (const t of [at(-86_400_000), now, at(CLOCK_SKEW_MS)]) expect(futureProblem('occurredAt', t, now)).toBeNull();
  });

  it('refuses anything later, naming the field, the time and now', () => {
    expect(futureProblem('detectedAt', at(CLOCK_SKEW_MS + 1), now)).toBe(
      'detectedAt 2026-03-06T15:05:00.001Z is in the future (it is now 2026-03-06T15:00:00.000Z); record it once it has happened (up to 5 minutes of clock skew is accepted)',
    );
  });

  it('throws BAD_USER_INPUT with the field, and lets an absent time be', () => {
    expect(() => assertNotInFuture('startedAt', null, now)).not.toThrow();
    try {
      assertNotInFuture('startedAt', at(86_400_000), now);
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AppException);
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: ['startedAt'] } });
    }
  });
});
