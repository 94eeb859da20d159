import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';

interface ClashRow {
  user_id: string;
  name: string;
  meeting_id: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Called after the exclusion constraint refused a booking (its transaction is gone, so the
 * competing meeting has committed): names who is busy and when, in the meeting's time zone.
 */
export async function doubleBookingError(
  manager: EntityManager,
  userIds: readonly string[],
  range: { startsAt: Date; endsAt: Date; timeZone: string },
  exceptMeetingId: string | null,
): Promise<AppException> {
  const rows: ClashRow[] = await manager.query(
    `SELECT a.user_id, u.name, a.meeting_id, lower(a.during) AS starts_at, upper(a.during) AS ends_at
       FROM meeting_attendees a JOIN users u ON u.id = a.user_id
      WHERE a.active AND a.user_id = ANY($1::uuid[]) AND a.during && tstzrange($2, $3)
        AND a.meeting_id IS DISTINCT FROM $4::uuid
      ORDER BY lower(a.during), u.name`,
    [userIds, range.startsAt, range.endsAt, exceptMeetingId],
  );
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: range.timeZone });
  const span = (start: Date, end: Date) => {
    const [from, to] = [local(start), local(end)];
    return `${from.toFormat('ccc d LLL yyyy HH:mm')}–${to.toFormat(from.hasSame(to, 'day') ? 'HH:mm' : 'ccc d LLL yyyy HH:mm')}`;
  };
  const busy = rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    meetingId: r.meeting_id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
  }));
  const who = rows.length
    ? rows.map((r) => `${r.name} is busy ${span(r.starts_at, r.ends_at)} (${range.timeZone}) in meeting ${r.meeting_id}`).join('; ')
    : 'An attendee was booked for this time by a meeting that has since moved';
  return AppException.conflict(`${who}; pick another time (freeBusy suggests free slots)`, { busy });
}
