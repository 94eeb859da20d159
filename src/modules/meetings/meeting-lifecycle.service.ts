import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { UserRole } from '../users/user-role.enum';
import { RescheduleMeetingArgs } from './dto/reschedule-meeting.args';
import { doubleBookingError } from './meeting-clashes';
import { MeetingStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';
import { MeetingRescheduleEntity } from './meeting-reschedule.entity';
import { assertMeetingTransition, assertReschedulable, holdsAttendeeTime } from './meeting-status-transitions';
import { assertMeetingTimes, tstzrange } from './meeting-times';
import { NO_DOUBLE_BOOKING } from './meetings.service';
import { MeetingInteractionLogger } from './meeting-interaction-logger';
import { lockAttendees } from './meeting-attendee-locks';
import { withTransactionRetry } from '../../common/database/transaction-retry';

@Injectable()
export class MeetingLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly interactions: MeetingInteractionLogger,
    private readonly clock: Clock,
  ) {}

  /** Moves the meeting and its attendees' booked time together; the old time stays in the history. */
  async reschedule(actor: AuthUser, args: RescheduleMeetingArgs): Promise<MeetingEntity> {
    const timeZone = args.timeZone ?? null;
    if (timeZone) assertMeetingTimes(args.startsAt, args.endsAt, timeZone);
    let attendeeIds: string[] = [];
    let zone = timeZone ?? 'UTC';
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const meeting = await this.lockOwnMeeting(manager, actor, args.id, 'reschedule');
        zone = timeZone ?? meeting.timeZone;
        assertMeetingTimes(args.startsAt, args.endsAt, zone);
        assertReschedulable(meeting.status);
        if (meeting.startsAt.getTime() === args.startsAt.getTime() && meeting.endsAt.getTime() === args.endsAt.getTime() && meeting.timeZone === zone) {
          throw AppException.badInput('The meeting is already at that time; give a different startsAt or endsAt', { fields: ['startsAt', 'endsAt'] });
        }
        const before = { startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(), timeZone: meeting.timeZone, sequence: meeting.sequence };
        const sequence = meeting.sequence + 1;
        await manager.insert(MeetingRescheduleEntity, {
          meetingId: meeting.id,
          oldStartsAt: meeting.startsAt,
          oldEndsAt: meeting.endsAt,
          oldTimeZone: meeting.timeZone,
          newStartsAt: args.startsAt,
          newEndsAt: args.endsAt,
          newTimeZone: zone,
          sequence,
          reason: args.reason ?? null,
          rescheduledById: actor.id,
        });
        // Read first: if the update hits the exclusion constraint, the error must name these people.
        const rows: { user_id: string }[] = await manager.query(`SELECT user_id FROM meeting_attendees WHERE meeting_id = $1`, [meeting.id]);
        attendeeIds = rows.map((r) => r.user_id);
        await lockAttendees(manager, attendeeIds);
        await manager.query(`UPDATE meeting_attendees SET during = $2::tstzrange WHERE meeting_id = $1`, [
          meeting.id,
          tstzrange(args.startsAt, args.endsAt),
        ]);
        Object.assign(meeting, { startsAt: args.startsAt, endsAt: args.endsAt, timeZone: zone, sequence });
        const saved = await manager.save(meeting);
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.MEETING,
          recordId: meeting.id,
          action: 'MEETING_RESCHEDULED',
          before,
          after: { startsAt: args.startsAt.toISOString(), endsAt: args.endsAt.toISOString(), timeZone: zone, sequence, reason: args.reason ?? null },
        });
        return saved;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.ExclusionViolation, NO_DOUBLE_BOOKING)) {
        throw await doubleBookingError(this.dataSource.manager, attendeeIds, { startsAt: args.startsAt, endsAt: args.endsAt, timeZone: zone }, args.id);
      }
      throw error;
    }
  }

  /** Calendars apply a cancellation only when its SEQUENCE is higher, so it rises here too. */
  cancel(actor: AuthUser, id: string, reason: string): Promise<MeetingEntity> {
    return this.changeStatus(actor, id, MeetingStatus.CANCELLED, (m) => {
      m.cancelReason = reason;
      m.sequence += 1;
      return { reason };
    });
  }

  markNoShow(actor: AuthUser, id: string): Promise<MeetingEntity> {
    return this.changeStatus(actor, id, MeetingStatus.NO_SHOW, () => ({}));
  }

  complete(actor: AuthUser, id: string, outcomeSummary: string, sentiment: number): Promise<MeetingEntity> {
    return this.changeStatus(
      actor,
      id,
      MeetingStatus.COMPLETED,
      (m) => {
        if (m.startsAt.getTime() > this.clock.now().getTime()) {
          throw AppException.conflict(`The meeting starts at ${m.startsAt.toISOString()}; it can be completed once it has started`);
        }
        m.outcomeSummary = outcomeSummary.trim();
        m.sentiment = sentiment;
        return { outcomeSummary: m.outcomeSummary, sentiment };
      },
      async (manager, m) => ({ interactionId: await this.interactions.logCompletedMeeting(manager, actor, m) }),
    );
  }

  private async changeStatus(
    actor: AuthUser,
    id: string,
    status: MeetingStatus,
    apply: (meeting: MeetingEntity) => Record<string, unknown>,
    after?: (manager: EntityManager, meeting: MeetingEntity) => Promise<Record<string, unknown>>,
  ): Promise<MeetingEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const meeting = await this.lockOwnMeeting(manager, actor, id, `mark as ${status}`);
      const before = meeting.status;
      assertMeetingTransition(before, status);
      const details = apply(meeting);
      meeting.status = status;
      meeting.statusChangedAt = this.clock.now();
      meeting.statusChangedById = actor.id;
      const saved = await manager.save(meeting);
      if (!holdsAttendeeTime(status)) {
        await manager.query(`UPDATE meeting_attendees SET active = false WHERE meeting_id = $1`, [id]);
      }
      const followUp = (await after?.(manager, saved)) ?? {};
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.MEETING,
        recordId: id,
        action: 'MEETING_STATUS_CHANGED',
        before: { status: before },
        after: { status, ...details, ...followUp },
      });
      return saved;
    });
  }

  /** The organiser runs their meeting; an admin may step in. */
  private async lockOwnMeeting(manager: EntityManager, actor: AuthUser, id: string, verb: string): Promise<MeetingEntity> {
    const meeting = await manager.findOne(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw AppException.notFound('Meeting', id);
    if (actor.role !== UserRole.ADMIN && meeting.organiserId !== actor.id) {
      throw AppException.forbidden(`Only the organiser of meeting ${id} or an admin may ${verb} it`);
    }
    return meeting;
  }
}
