import { DateTime } from 'luxon';

/** Working hours in the stakeholder's own time zone: when a call or email may land. */
export interface BusinessHours {
  /** Local hour the working day starts (inclusive). */
  startHour: number;
  /** Local hour the working day ends (exclusive). */
  endHour: number;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  workingDays: readonly number[];
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { startHour: 9, endHour: 17, workingDays: [1, 2, 3, 4, 5] };

function isWorkingDay(local: DateTime, hours: BusinessHours): boolean {
  return hours.workingDays.includes(local.weekday);
}

/**
 * The instant itself when it falls inside business hours in `zone`, else the start of the
 * next business morning there. Computed on the local calendar, so a daylight-saving change
 * never shifts the morning by an hour.
 */
export function nextBusinessMoment(instant: Date, zone: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${zone}`);
  if (isWorkingDay(local, hours) && local.hour >= hours.startHour && local.hour < hours.endHour) return instant;

  let day = local.startOf('day');
  if (!isWorkingDay(local, hours) || local.hour >= hours.endHour) day = day.plus({ days: 1 });
  for (let i = 0; i < 7 && !isWorkingDay(day, hours); i += 1) day = day.plus({ days: 1 });
  if (!isWorkingDay(day, hours)) throw new RangeError('Business hours name no working day');
  return day.set({ hour: hours.startHour }).toJSDate();
}
