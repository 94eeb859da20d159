import { DateTime, IANAZone } from 'luxon';
import { BusinessHours, DEFAULT_BUSINESS_HOURS } from '../outreach/business-hours';

/** A half-open range of instants, [start, end). */
export interface TimeRange {
  start: Date;
  end: Date;
}

/** Suggested starts fall on quarter hours of local time (every zone in use is offset by whole quarter hours). */
export const SLOT_STEP_MINUTES = 15;
const STEP_MS = SLOT_STEP_MINUTES * 60_000;

export function isRealTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: TimeRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start.getTime() <= last.end.getTime()) {
      if (r.end.getTime() > last.end.getTime()) last.end = new Date(r.end.getTime());
    } else {
      merged.push({ start: new Date(r.start.getTime()), end: new Date(r.end.getTime()) });
    }
  }
  return merged;
}

/**
 * The working hours of the zone (by default 09:00–17:00, Monday to Friday, the same hours
 * cadence steps fall into), inside the window. Each day's hours are built from the local
 * calendar date, so a day after a DST change starts at 09:00 local time, one hour earlier or
 * later in UTC than the day before.
 */
export function businessHours(window: TimeRange, timeZone: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): TimeRange[] {
  const out: TimeRange[] = [];
  const last = DateTime.fromJSDate(window.end, { zone: timeZone }).startOf('day');
  for (let day = DateTime.fromJSDate(window.start, { zone: timeZone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    if (!hours.workingDays.includes(day.weekday)) continue;
    const open = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: hours.startHour }, { zone: timeZone });
    const close = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: hours.endHour }, { zone: timeZone });
    const start = Math.max(open.toMillis(), window.start.getTime());
    const end = Math.min(close.toMillis(), window.end.getTime());
    if (start < end) out.push({ start: new Date(start), end: new Date(end) });
  }
  return out;
}

function freeGaps(open: TimeRange, busy: readonly TimeRange[]): TimeRange[] {
  const gaps: TimeRange[] = [];
  let cursor = open.start.getTime();
  for (const b of busy) {
    if (b.end.getTime() <= cursor) continue;
    if (b.start.getTime() >= open.end.getTime()) break;
    if (b.start.getTime() > cursor) gaps.push({ start: new Date(cursor), end: new Date(b.start.getTime()) });
    cursor = Math.max(cursor, b.end.getTime());
  }
  if (cursor < open.end.getTime()) gaps.push({ start: new Date(cursor), end: open.end });
  return gaps;
}

/**
 * The first `count` non-overlapping slots of `durationMinutes`, in business hours of the
 * zone, in which no busy range falls. Consecutive suggestions in one free stretch run back to back.
 */
export function suggestSlots(params: {
  window: TimeRange;
  timeZone: string;
  durationMinutes: number;
  count: number;
  busy: readonly TimeRange[];
}): TimeRange[] {
  const duration = params.durationMinutes * 60_000;
  const busy = mergeRanges(params.busy);
  const slots: TimeRange[] = [];
  for (const open of businessHours(params.window, params.timeZone)) {
    for (const gap of freeGaps(open, busy)) {
      let start = Math.ceil(gap.start.getTime() / STEP_MS) * STEP_MS;
      while (start + duration <= gap.end.getTime()) {
        if (slots.length >= params.count) return slots;
        slots.push({ start: new Date(start), end: new Date(start + duration) });
        start += duration;
      }
    }
  }
  return slots;
}
