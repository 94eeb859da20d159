import { BusinessHours, DEFAULT_BUSINESS_HOURS, nextBusinessMoment } from '../outreach/business-hours';
import { addLocalGap, localGap, stepCadenceTime } from '../outreach/cadence-clock';
import { applyContactFatigue } from '../outreach/contact-fatigue';

/** When one task falls due, where the cadence alone would have put it, and why they differ. */
export interface PlannedDue {
  dueAt: Date;
  /** The step's time in business hours and in sequence, before the fatigue limit moved it. */
  originalDueAt: Date;
  fatigueNote: string | null;
}

/**
 * Plans a sequence of steps from their times on the cadence clock alone (`cadenceTimes`, one
 * per step, any order). Steps are taken in the order of those times (ties by their position
 * in the list), and each lands no earlier than the business moment of its own time, and no
 * earlier than the step before it plus the gap the cadence put between them: when business
 * hours or the fatigue limit move one step, the later steps move with it, so
 * Friday 15:00 + 4 h, + 1 day, + 2 days lands on Monday, Tuesday and Wednesday, not three
 * times on Monday 09:00. The results come back in the order of `cadenceTimes`.
 */
export function planSequence(
  cadenceTimes: readonly Date[],
  zone: string,
  booked: readonly Date[],
  limitPerWeek: number,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): PlannedDue[] {
  const order = cadenceTimes.map((at, index) => ({ at, index })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const planned: PlannedDue[] = new Array(cadenceTimes.length);
  const taken = [...booked];
  let previous: { cadenceTime: Date; dueAt: Date } | null = null;
  for (const { at, index } of order) {
    const earliest = previous ? addLocalGap(previous.dueAt, localGap(previous.cadenceTime, at, zone), zone) : at;
    const inHours = nextBusinessMoment(earliest, zone, hours);
    const [decision] = applyContactFatigue([inHours], taken, zone, limitPerWeek, hours);
    planned[index] = { dueAt: decision.dueAt, originalDueAt: inHours, fatigueNote: decision.pushedBack };
    taken.push(decision.dueAt);
    previous = { cadenceTime: at, dueAt: decision.dueAt };
  }
  return planned;
}

/**
 * Due times for a new enrolment's steps: start + offset in the stakeholder's zone, in sequence
 * and in business hours there (`planSequence`), with the stakeholder's week limit holding
 * together with the touches already `booked` for them. The start is the enrolment time, or the
 * case's opening when it was opened after the fact; a step whose cadence time is before
 * `notBefore` (now) is taken as due then instead, so a backdated case gets no task already
 * overdue, and the later steps keep their place counted from the start.
 */
export function planStepDueTimes(
  start: Date,
  offsets: readonly string[],
  zone: string,
  booked: readonly Date[],
  limitPerWeek: number,
  notBefore: Date = start,
): PlannedDue[] {
  const cadenceTimes = offsets.map((offset) => {
    const at = stepCadenceTime(start, offset, zone);
    return at.getTime() < notBefore.getTime() ? notBefore : at;
  });
  return planSequence(cadenceTimes, zone, booked, limitPerWeek);
}

/**
 * Due times after a pause: each remaining task's planned time moves by the paused duration,
 * then the sequence is planned again (business hours, spacing, fatigue).
 */
export function shiftAfterPause(
  originalDueTimes: readonly Date[],
  pausedMs: number,
  zone: string,
  booked: readonly Date[],
  limitPerWeek: number,
): PlannedDue[] {
  if (pausedMs < 0) throw new RangeError('pausedMs must not be negative');
  return planSequence(originalDueTimes.map((at) => new Date(at.getTime() + pausedMs)), zone, booked, limitPerWeek);
}
