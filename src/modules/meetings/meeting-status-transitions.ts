import { AppException } from '../../common/errors/app.exception';
import { MeetingStatus } from './meeting.enums';

const { SCHEDULED, COMPLETED, CANCELLED, NO_SHOW } = MeetingStatus;

/** Where a meeting may go from each status; every outcome is final. */
export const MEETING_STATUS_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  [SCHEDULED]: [COMPLETED, CANCELLED, NO_SHOW],
  [COMPLETED]: [],
  [CANCELLED]: [],
  [NO_SHOW]: [],
};

/** Cancelled and no-show meetings give their attendees' time back. */
export function holdsAttendeeTime(status: MeetingStatus): boolean {
  return status === SCHEDULED || status === COMPLETED;
}

export function canMeetingTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_STATUS_TRANSITIONS[from].includes(to);
}

export function assertMeetingTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (canMeetingTransition(from, to)) return;
  const allowed = MEETING_STATUS_TRANSITIONS[from];
  const reason = from === to ? `The meeting is already ${to}` : `A meeting cannot move from ${from} to ${to}`;
  const next = allowed.length ? `from ${from} it can move to ${allowed.join(', ')}` : `${from} is final`;
  throw AppException.conflict(`${reason}; ${next}`, { status: from, requestedStatus: to, allowedNextStatuses: [...allowed] });
}

/** Only a meeting that has not happened yet can move in time. */
export function assertReschedulable(status: MeetingStatus): void {
  if (status !== SCHEDULED) {
    throw AppException.conflict(`Only a SCHEDULED meeting can be rescheduled; this one is ${status}`, { status });
  }
}
