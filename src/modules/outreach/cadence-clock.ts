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
 * When a cadence step falls due: the enrolment time plus the step's offset, in the
 * stakeholder's time zone, then moved into business hours there.
 *
 * Hours and minutes are elapsed time (PT4H is four real hours, even across a DST change);
 * days, weeks, months and years are calendar units on the local clock (P1D keeps the local
 * time of day, P1M from 31 January is the last day of February).
 */
export function stepDueAt(
  enrolledAt: Date,
  offset: string,
  zone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  const start = DateTime.fromJSDate(enrolledAt, { zone });
  if (!start.isValid) throw new RangeError(`Unknown time zone ${zone}`);
  const due = start.plus(parseOffset(offset));
  return nextBusinessMoment(due.toJSDate(), zone, hours);
}
