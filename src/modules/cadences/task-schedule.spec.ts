import { planStepDueTimes, shiftAfterPause } from './task-schedule';

const iso = (d: Date) => d.toISOString();

describe('planStepDueTimes', () => {
  it('puts each step at enrolment + offset in business hours of the stakeholder’s zone', () => {
    // Wednesday 25 November 2026, 14:00 UTC.
    const planned = planStepDueTimes(new Date('2026-11-25T14:00:00Z'), ['PT1H', 'P1D'], 'America/New_York', [], 3);
    // 15:00 UTC = 10:00 New York: inside hours. +1 day = Thursday 09:00 local = 14:00 UTC.
    expect(planned.map((p) => iso(p.dueAt))).toEqual(['2026-11-25T15:00:00.000Z', '2026-11-26T14:00:00.000Z']);
    expect(planned.every((p) => p.fatigueNote === null && p.dueAt.getTime() === p.originalDueAt.getTime())).toBe(true);
  });

  it('pushes steps over the weekly limit to the next week and keeps the cadence time as original', () => {
    const booked = [new Date('2026-11-23T09:00:00Z'), new Date('2026-11-24T09:00:00Z')];
    const planned = planStepDueTimes(new Date('2026-11-25T10:00:00Z'), ['PT1H', 'PT2H'], 'Europe/London', booked, 3);
    expect(iso(planned[0].dueAt)).toBe('2026-11-25T11:00:00.000Z');
    expect(planned[0].fatigueNote).toBeNull();
    expect(iso(planned[1].originalDueAt)).toBe('2026-11-25T12:00:00.000Z');
    expect(iso(planned[1].dueAt)).toBe('2026-11-30T09:00:00.000Z');
    expect(planned[1].fatigueNote).toMatch(/already has 3 outbound touches/);
  });

  it('applies fatigue in time order even when steps are listed out of order', () => {
    const planned = planStepDueTimes(new Date('2026-11-23T10:00:00Z'), ['PT3H', 'PT1H'], 'Europe/London', [], 1);
    // The PT1H step comes first in time and keeps its slot; the PT3H step is the one pushed.
    expect(planned[1].fatigueNote).toBeNull();
    expect(planned[0].fatigueNote).not.toBeNull();
  });
});

describe('planStepDueTimes for a case opened in the past', () => {
  // Opened Monday 2 November 2026 09:00 London; entered Wednesday 4 November 15:00.
  const openedAt = new Date('2026-11-02T09:00:00Z');
  const now = new Date('2026-11-04T15:00:00Z');

  it('counts the steps from the opening, and makes any step already past due now, none before', () => {
    const planned = planStepDueTimes(openedAt, ['PT4H', 'P1D', 'P7D'], 'Europe/London', [], 3, now);
    // +4h (Mon 13:00) and +1d (Tue 09:00) have passed: both due now; +7d (Mon 9 Nov 09:00) stays.
    expect(planned.map((p) => iso(p.dueAt))).toEqual(['2026-11-04T15:00:00.000Z', '2026-11-04T15:00:00.000Z', '2026-11-09T09:00:00.000Z']);
    expect(planned.every((p) => p.dueAt.getTime() >= now.getTime())).toBe(true);
  });

  it('moves a past step to the next business moment when now is outside business hours', () => {
    const evening = new Date('2026-11-04T19:30:00Z');
    const [planned] = planStepDueTimes(openedAt, ['PT4H'], 'Europe/London', [], 3, evening);
    expect(iso(planned.dueAt)).toBe('2026-11-05T09:00:00.000Z');
  });

  it('still holds the weekly limit when several past steps become due now', () => {
    const planned = planStepDueTimes(openedAt, ['PT1H', 'PT2H', 'PT3H'], 'Europe/London', [], 2, now);
    expect(planned.filter((p) => p.fatigueNote !== null)).toHaveLength(1);
    expect(planned.filter((p) => iso(p.dueAt) === '2026-11-04T15:00:00.000Z')).toHaveLength(2);
  });

  it('changes nothing when opened now', () => {
    expect(planStepDueTimes(now, ['PT1H', 'P2D'], 'Europe/London', [], 3, now)).toEqual(planStepDueTimes(now, ['PT1H', 'P2D'], 'Europe/London', [], 3));
  });
});

describe('shiftAfterPause', () => {
  it('moves by the paused time, then into business hours', () => {
    // Monday 10:00 London + 8 h paused = 18:00, after closing: Tuesday 09:00.
    const [planned] = shiftAfterPause([new Date('2026-11-23T10:00:00Z')], 8 * 3_600_000, 'Europe/London', [], 3);
    expect(iso(planned.dueAt)).toBe('2026-11-24T09:00:00.000Z');
    expect(iso(planned.originalDueAt)).toBe('2026-11-24T09:00:00.000Z');
  });

  it('refuses a negative pause', () => {
    expect(() => shiftAfterPause([], -1, 'Europe/London', [], 3)).toThrow(/pausedMs/);
  });
});
