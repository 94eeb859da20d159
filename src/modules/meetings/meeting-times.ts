import { AppException } from '../../common/errors/app.exception';
import { isRealTimeZone } from './business-slots';

export const MAX_MEETING_HOURS = 12;

/** The same rules as the table's CHECKs, with messages a person can act on. */
export function assertMeetingTimes(startsAt: Date, endsAt: Date, timeZone: string): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw AppException.badInput(
      `endsAt (${endsAt.toISOString()}) must be after startsAt (${startsAt.toISOString()})`,
      { fields: ['startsAt', 'endsAt'] },
    );
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_MEETING_HOURS * 3_600_000) {
    throw AppException.badInput(`A meeting lasts at most ${MAX_MEETING_HOURS} hours; split a longer visit into several meetings`, {
      fields: ['endsAt'],
    });
  }
  if (!isRealTimeZone(timeZone)) {
    throw AppException.badInput(`timeZone ${timeZone} is not an IANA time zone such as Europe/Berlin`, { fields: ['timeZone'] });
  }
}

/** A Postgres tstzrange literal, [start, end). */
export function tstzrange(startsAt: Date, endsAt: Date): string {
  return `[${startsAt.toISOString()},${endsAt.toISOString()})`;
}
