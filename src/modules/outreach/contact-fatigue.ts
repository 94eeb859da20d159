import { DateTime } from 'luxon';
import { BusinessHours, DEFAULT_BUSINESS_HOURS, nextBusinessMoment } from './business-hours';

export interface FatigueDecision {
  dueAt: Date;
  /** Set when the touch was pushed back, in words an agent can read. */
  pushedBack: string | null;
}

/** Monday of the local ISO week of an instant, as a comparable key. */
function weekKey(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).startOf('week').toISODate()!;
}

/**
 * Spreads outbound touches so that no stakeholder gets more than `limitPerWeek` in one
 * calendar week of their own time zone, across every channel and cadence. `booked` are the
 * touches already planned; each candidate, in order, keeps its time when its week has room,
 * else moves to the first business morning of the next week that has room.
 */
export function applyContactFatigue(
  candidates: readonly Date[],
  booked: readonly Date[],
  zone: string,
  limitPerWeek: number,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): FatigueDecision[] {
  if (!Number.isInteger(limitPerWeek) || limitPerWeek < 1) throw new RangeError('limitPerWeek must be a whole number ≥ 1');
  const perWeek = new Map<string, number>();
  const add = (instant: Date) => {
    const key = weekKey(instant, zone);
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  };
  booked.forEach(add);

  return candidates.map((candidate) => {
    let dueAt = candidate;
    while ((perWeek.get(weekKey(dueAt, zone)) ?? 0) >= limitPerWeek) {
      const nextMonday = DateTime.fromJSDate(dueAt, { zone }).startOf('week').plus({ weeks: 1 });
      dueAt = nextBusinessMoment(nextMonday.toJSDate(), zone, hours);
    }
    add(dueAt);
    return {
      dueAt,
      pushedBack:
        dueAt === candidate
          ? null
          : `Moved to the week of ${weekKey(dueAt, zone)}: the stakeholder already has ${limitPerWeek} outbound touches planned in the week of ${weekKey(candidate, zone)}`,
    };
  });
}
