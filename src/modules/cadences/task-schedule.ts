import { nextBusinessMoment } from '../outreach/business-hours';
import { stepDueAt } from '../outreach/cadence-clock';
import { applyContactFatigue } from '../outreach/contact-fatigue';

/** When one task falls due, where the cadence alone would have put it, and why they differ. */
export interface PlannedDue {
  dueAt: Date;
  originalDueAt: Date;
  fatigueNote: string | null;
}

/**
 * Runs the contact-fatigue limit over candidate times in chronological order (steps may be
 * listed in any order of offset), then hands the results back in the candidates' order.
 */
function withFatigue(candidates: readonly Date[], booked: readonly Date[], zone: string, limitPerWeek: number): PlannedDue[] {
  const order = candidates.map((at, index) => ({ at, index })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const decisions = applyContactFatigue(order.map((o) => o.at), booked, zone, limitPerWeek);
  const planned: PlannedDue[] = new Array(candidates.length);
  order.forEach((o, i) => {
    planned[o.index] = { dueAt: decisions[i].dueAt, originalDueAt: o.at, fatigueNote: decisions[i].pushedBack };
  });
  return planned;
}

/**
 * Due times for a new enrolment's steps: start + offset in the stakeholder's zone, moved into
 * business hours there, then spread so the stakeholder's week limit holds together with the
 * touches already `booked` for them. The start is the enrolment time, or the case's opening
 * when it was opened after the fact; a step whose time is before `notBefore` (now) falls due at
 * the next business moment from then instead, so a backdated case gets no task already overdue.
 */
export function planStepDueTimes(
  start: Date,
  offsets: readonly string[],
  zone: string,
  booked: readonly Date[],
  limitPerWeek: number,
  notBefore: Date = start,
): PlannedDue[] {
  const candidates = offsets.map((offset) => {
    const due = stepDueAt(start, offset, zone);
    return due.getTime() < notBefore.getTime() ? nextBusinessMoment(notBefore, zone) : due;
  });
  return withFatigue(candidates, booked, zone, limitPerWeek);
}

/**
 * Due times after a pause: each remaining task's cadence time moves by the paused duration,
 * back into business hours, then through the fatigue limit again.
 */
export function shiftAfterPause(
  originalDueTimes: readonly Date[],
  pausedMs: number,
  zone: string,
  booked: readonly Date[],
  limitPerWeek: number,
): PlannedDue[] {
  if (pausedMs < 0) throw new RangeError('pausedMs must not be negative');
  const shifted = originalDueTimes.map((at) => nextBusinessMoment(new Date(at.getTime() + pausedMs), zone));
  return withFatigue(shifted, booked, zone, limitPerWeek);
}
