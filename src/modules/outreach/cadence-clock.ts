import { DateTime, Duration } from 'luxon';
import { BusinessHours, DEFAULT_BUSINESS_HOURS, nextBusinessMoment } from './business-hours';

/** Whole, non-negative units only: P1Y2M3W4DT5H6M7S with at least one part. */
const ISO_OFFSET = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** Parses a step's ISO 8601 offset (`PT4H`, `P1D`, `P1M`), refusing anything else. */
export function parseOffset(offset: string): Duration {
  const duration = Duration.fromISO(offset);
  if (!ISO_OFFSET.test(offset) || !duration.isValid) {
    throw new RangeError(`${offset} is not an ISO 8601 duration such as PT4H, P1D or P1M`);
  }
  return duration;
}

/**
 * Where a cadence step lands on the clock alone: the enrolment time plus the step's offset,
 * in the stakeholder's time zone, before business hours or anything else moves it.
 *
 * Hours and minutes are elapsed time (PT4H is four real hours, even across a DST change);
 * days, weeks, months and years are calendar units on the local clock (P1D keeps the local
 * time of day, P1M from 31 January is the last day of February).
 */
export function stepCadenceTime(enrolledAt: Date, offset: string, zone: string): Date {
  const start = DateTime.fromJSDate(enrolledAt, { zone });
  if (!start.isValid) throw new RangeError(`Unknown time zone ${zone}`);
  return start.plus(parseOffset(offset)).toJSDate();
}

/** One step's cadence time moved into business hours there (a single step on its own). */
export function stepDueAt(
  enrolledAt: Date,
  offset: string,
  zone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  return nextBusinessMoment(stepCadenceTime(enrolledAt, offset, zone), zone, hours);
}

/**
 * The gap between two instants as the local calendar sees it: whole local days, then the
 * elapsed rest. Adding it to a moved step keeps "one day later" at the same local time of
 * day even across a daylight-saving change.
 */
export function localGap(from: Date, to: Date, zone: string): Duration {
  const a = DateTime.fromJSDate(from, { zone });
  const b = DateTime.fromJSDate(to, { zone });
  const days = Math.floor(b.diff(a, 'days').days);
  const rest = b.toMillis() - a.plus({ days }).toMillis();
  return Duration.fromObject({ days, milliseconds: rest });
}

/** `instant` plus a gap from `localGap`, on the same local calendar. */
export function addLocalGap(instant: Date, gap: Duration, zone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.plus({ days: gap.days }).plus({ milliseconds: gap.milliseconds }).toJSDate();
}
