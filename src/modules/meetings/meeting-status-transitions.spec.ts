import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { MeetingStatus } from './meeting.enums';
import {
  assertMeetingTransition,
  assertReschedulable,
  canMeetingTransition,
  holdsAttendeeTime,
  MEETING_STATUS_TRANSITIONS,
} from './meeting-status-transitions';

const ALLOWED = new Set(['SCHEDULED->COMPLETED', 'SCHEDULED->CANCELLED', 'SCHEDULED->NO_SHOW']);
const STATUSES = Object.values(MeetingStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

function thrown(fn: () => void): AppException {
  try {
    fn();
  } catch (error) {
    return error as AppException;
  }
  throw new Error('expected a refusal');
}

describe('meeting status transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(MEETING_STATUS_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it.each(PAIRS.filter(([f, t]) => ALLOWED.has(`${f}->${t}`)))('allows %s -> %s', (from, to) => {
    expect(canMeetingTransition(from, to)).toBe(true);
    expect(() => assertMeetingTransition(from, to)).not.toThrow();
  });

  it.each(PAIRS.filter(([f, t]) => !ALLOWED.has(`${f}->${t}`)))('refuses %s -> %s with CONFLICT', (from, to) => {
    expect(canMeetingTransition(from, to)).toBe(false);
    const error = thrown(() => assertMeetingTransition(from, to));
    expect(error).toBeInstanceOf(AppException);
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.details.allowedNextStatuses).toEqual([...MEETING_STATUS_TRANSITIONS[from]]);
  });

  it('covers 16 pairs, 3 allowed', () => {
    expect(PAIRS.filter(([f, t]) => canMeetingTransition(f, t))).toHaveLength(3);
  });

  it('releases attendee time only for cancelled and no-show meetings', () => {
    expect(STATUSES.filter(holdsAttendeeTime).sort()).toEqual(['COMPLETED', 'SCHEDULED']);
  });

  it('reschedules only scheduled meetings', () => {
    expect(() => assertReschedulable(MeetingStatus.SCHEDULED)).not.toThrow();
    for (const s of STATUSES.filter((x) => x !== MeetingStatus.SCHEDULED)) {
      expect(thrown(() => assertReschedulable(s)).code).toBe(ErrorCode.Conflict);
    }
  });
});
