import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { ContactEntity } from '../stakeholders/contact.entity';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { UserRole } from '../users/user-role.enum';
import { UserEntity } from '../users/user.entity';
import { ScheduleMeetingInput } from './dto/schedule-meeting.input';
import { doubleBookingError } from './meeting-clashes';
import { MeetingKind, MeetingStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';
import { canOrganise, meetsExecutiveRule, organiserRuleText } from './meeting-organiser-rule';
import { assertMeetingTimes, tstzrange } from './meeting-times';
import { lockAttendees } from './meeting-attendee-locks';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export const NO_DOUBLE_BOOKING = 'meeting_attendees_no_double_booking';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async schedule(actor: AuthUser, input: ScheduleMeetingInput): Promise<MeetingEntity> {
    assertMeetingTimes(input.startsAt, input.endsAt, input.timeZone);
    if (!input.title.trim()) throw AppException.badInput('title must not be blank', { fields: ['title'] });
    if (!input.location?.trim() && !input.videoLink) {
      throw AppException.badInput('Give a location or a videoLink (or both)', { fields: ['location', 'videoLink'] });
    }
    // Sorted for the audit trail and the insert; the locks' order is the database's (lockAttendees).
    const userIds = [...new Set([actor.id, ...input.attendeeUserIds])].sort();
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const stakeholder = await manager.findOneBy(StakeholderEntity, { id: input.stakeholderId });
        if (!stakeholder) throw AppException.notFound('Stakeholder', input.stakeholderId);
        if (!canOrganise(actor.role, input.kind, stakeholder.kind)) {
          throw AppException.forbidden(
            `You cannot organise a ${input.kind} with ${stakeholder.kind.toLowerCase()} "${stakeholder.name}": ${organiserRuleText(actor.role)}`,
          );
        }
        if (input.caseId) await this.requireCaseOf(manager, input.caseId, stakeholder);
        const users = await this.requireAttendees(manager, userIds);
        if (!meetsExecutiveRule(input.kind, users.map((u) => u.role))) {
          throw AppException.badInput(`An ${MeetingKind.EXECUTIVE_VISIT} needs at least one ${UserRole.LEADERSHIP} attendee`, {
            fields: ['attendeeUserIds'],
          });
        }
        await this.requireContactsOf(manager, input.contactIds, stakeholder);

        const id = randomUUID();
        const meeting = await manager.save(
          manager.create(MeetingEntity, {
            id,
            uid: `meeting-${id}@regain`,
            kind: input.kind,
            title: input.title.trim(),
            stakeholderId: stakeholder.id,
            caseId: input.caseId ?? null,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            timeZone: input.timeZone,
            location: input.location?.trim() || null,
            videoLink: input.videoLink ?? null,
            organiserId: actor.id,
            agenda: input.agenda ?? '',
            status: MeetingStatus.SCHEDULED,
            sequence: 0,
          }),
        );
        await manager.query(
          `INSERT INTO meeting_attendees (meeting_id, user_id, during)
           SELECT $1, u, $3::tstzrange FROM unnest($2::uuid[]) WITH ORDINALITY AS t (u, n) ORDER BY n`,
          [id, userIds, tstzrange(input.startsAt, input.endsAt)],
        );
        if (input.contactIds.length) {
          await manager.query(
            `INSERT INTO meeting_contacts (meeting_id, contact_id, stakeholder_id) SELECT $1, c, $3 FROM unnest($2::uuid[]) AS c`,
            [id, input.contactIds, stakeholder.id],
          );
        }
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.MEETING,
          recordId: id,
          action: 'MEETING_SCHEDULED',
          before: null,
          after: {
            kind: meeting.kind,
            status: meeting.status,
            stakeholderId: meeting.stakeholderId,
            caseId: meeting.caseId,
            startsAt: meeting.startsAt.toISOString(),
            endsAt: meeting.endsAt.toISOString(),
            timeZone: meeting.timeZone,
            attendeeUserIds: userIds,
            contactIds: input.contactIds,
          },
        });
        return meeting;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.ExclusionViolation, NO_DOUBLE_BOOKING)) {
        throw await doubleBookingError(this.dataSource.manager, userIds, input, null);
      }
      throw error;
    }
  }

  private async requireCaseOf(manager: EntityManager, caseId: string, stakeholder: StakeholderEntity): Promise<void> {
    const found = await manager.findOneBy(RecoveryCaseEntity, { id: caseId });
    if (!found) throw AppException.notFound('Recovery case', caseId);
    if (found.stakeholderId !== stakeholder.id) {
      throw AppException.badInput(`Recovery case ${caseId} is about another stakeholder, not "${stakeholder.name}"`, {
        fields: ['caseId'],
      });
    }
  }

  /** Locked in id order (lockAttendees), so that no attendee changes before the booking commits and bookings cannot deadlock. */
  private async requireAttendees(manager: EntityManager, userIds: string[]): Promise<UserEntity[]> {
    await lockAttendees(manager, userIds);
    const users = await manager.findBy(UserEntity, { id: In(userIds) });
    const unknown = userIds.filter((id) => !users.some((u) => u.id === id));
    if (unknown.length) {
      throw AppException.badInput(`attendeeUserIds: no user with id ${unknown.join(', ')}`, {
        fields: ['attendeeUserIds'],
        unknownUserIds: unknown,
      });
    }
    const inactive = users.filter((u) => !u.isActive);
    if (inactive.length) {
      throw AppException.badInput(`${inactive.map((u) => u.name).join(', ')} is deactivated and cannot attend meetings`, {
        fields: ['attendeeUserIds'],
      });
    }
    return users;
  }

  private async requireContactsOf(manager: EntityManager, contactIds: string[], stakeholder: StakeholderEntity): Promise<void> {
    if (!contactIds.length) return;
    const contacts = await manager.findBy(ContactEntity, { id: In(contactIds) });
    const unknown = contactIds.filter((id) => !contacts.some((c) => c.id === id));
    if (unknown.length) {
      throw AppException.badInput(`contactIds: no contact with id ${unknown.join(', ')}`, { fields: ['contactIds'], unknownContactIds: unknown });
    }
    const foreign = contacts.filter((c) => c.stakeholderId !== stakeholder.id);
    if (foreign.length) {
      throw AppException.badInput(
        `External attendees must be contacts of "${stakeholder.name}"; ${foreign.map((c) => c.name).join(', ')} belong to another stakeholder`,
        { fields: ['contactIds'], foreignContactIds: foreign.map((c) => c.id) },
      );
    }
  }
}
