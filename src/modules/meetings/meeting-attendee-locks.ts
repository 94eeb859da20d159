import { EntityManager } from 'typeorm';

/**
 * Locks the users who attend, in one order (their ids, sorted by the database), before their
 * booked time is written. Two overlapping bookings that share an attendee then queue on that
 * user instead of both writing into the exclusion constraint and each waiting for the other
 * (a deadlock: the constraint checks after inserting, so two conflicting inserts see each
 * other). The loser then meets the winner's committed booking: a CONFLICT naming who is busy.
 * FOR NO KEY UPDATE also holds off a deactivation or a role change until the booking commits,
 * while foreign-key checks (FOR KEY SHARE) on the same users go on.
 */
export async function lockAttendees(manager: EntityManager, userIds: readonly string[]): Promise<void> {
  if (!userIds.length) return;
  await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [userIds]);
}
