import { DateTime } from 'luxon';
import { addLocalGap, localGap, stepCadenceTime } from '../outreach/cadence-clock';
import { planStepDueTimes, shiftAfterPause } from './task-schedule';

const iso = (d: Date) => d.toISOString();

describe('planStepDueTimes', () => {
  it('keeps order and spacing when business hours move the first step: Friday 15:00 + 4 h, + 1 day, + 2 days', () => {
    // Friday 4 December 2026, 15:00 UTC = 16:00 in Berlin: + 4 h is after closing, + 1 day and + 2 days the weekend.
    const planned = planStepDueTimes(new Date('2026-12-04T15:00:00Z'), ['PT4H', 'P1D', 'P2D'], 'Europe/Berlin', [], 10);
    // Monday, Tuesday and Wednesday at 09:00 Berlin (08:00 UTC), not three times Monday 09:00.
    expect(planned.map((p) => iso(p.dueAt))).toEqual(['2026-12-07T08:00:00.000Z', '2026-12-08T08:00:00.000Z', '2026-12-09T08:00:00.000Z']);
  });

  it('moves the later steps with a step the fatigue limit pushed to the next week', () => {
    // Limit 1 a week, one touch already booked this week: the first step goes to Monday 30
    // November, and the second follows it by its own day.
    const booked = [new Date('2026-11-23T09:00:00Z')];
    const planned = planStepDueTimes(new Date('2026-11-25T10:00:00Z'), ['PT1H', 'P1D'], 'Europe/London', booked, 1);
    expect(iso(planned[0].dueAt)).toBe('2026-11-30T09:00:00.000Z');
    expect(planned[0].fatigueNote).toMatch(/already has 1 outbound touches/);
    // Monday + (Thursday 10:00 − Wednesday 11:00 = 23 h) = Tuesday 08:00 → 09:00; and the limit puts it a week on.
    expect(iso(planned[1].dueAt)).toBe('2026-12-07T09:00:00.000Z');
  });

  // Every hour of weeks that hold a weekend, both daylight-saving changes and a month end, in
  // zones on both sides of UTC: the steps never swap and never come closer than the cadence put them.
  const cadences = [
    ['PT4H', 'P1D', 'P2D'],
    ['PT1H', 'PT2H', 'PT3H', 'P1D', 'P7D', 'P1M'],
    ['PT0S', 'PT0S', 'PT30M'],
    ['P1D', 'PT4H', 'P1W'],
  ];
  const weeks = ['2026-03-05T00:00:00Z', '2026-03-26T00:00:00Z', '2026-10-22T00:00:00Z', '2026-10-29T00:00:00Z', '2026-12-28T00:00:00Z'];
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];
  it.each(zones)('keeps every cadence in order and spaced for any enrolment hour, in %s', (zone) => {
    const broken: string[] = [];
    for (const week of weeks) {
      // Every 5 hours: over a week that meets every hour of the day on most days.
      for (let hour = 0; hour < 7 * 24; hour += 5) {
        const enrolledAt = new Date(new Date(week).getTime() + hour * 3_600_000);
        for (const offsets of cadences) {
          const planned = planStepDueTimes(enrolledAt, offsets, zone, [], 3);
          const steps = offsets
            .map((offset, i) => ({ at: stepCadenceTime(enrolledAt, offset, zone), i, due: planned[i].dueAt }))
            .sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
          steps.forEach((step, k) => {
            const local = DateTime.fromJSDate(step.due, { zone });
            const what = `${offsets.join(',')} from ${iso(enrolledAt)}, step ${step.i + 1} at ${iso(step.due)}`;
            if (local.weekday > 5 || local.hour < 9 || local.hour >= 17) broken.push(`${what}: outside business hours`);
            if (step.due < step.at) broken.push(`${what}: before its cadence time`);
            const before = steps[k - 1];
            if (before && step.due < addLocalGap(before.due, localGap(before.at, step.at, zone), zone)) {
              broken.push(`${what}: closer to step ${before.i + 1} than the cadence spaces them`);
            }
          });
        }
      }
    }
    expect(broken).toEqual([]);
  });

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
