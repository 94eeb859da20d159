import { assertNotInFuture } from '../../common/time/not-in-future';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { assertNotBefore, happenedAt } from '../../common/time/after-the-fact';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { ContactEntity } from '../stakeholders/contact.entity';
import { UserRole } from '../users/user-role.enum';
import { UserEntity } from '../users/user.entity';
import { CommitmentKpiMeasurementEntity } from './commitment-kpi-measurement.entity';
import { assertCommitmentTransition } from './commitment-status-transitions';
import { CommitmentParty, CommitmentStatus } from './commitment.enums';
import { CommitmentEntity } from './commitment.entity';
import { AddCommitmentInput } from './dto/add-commitment.input';
import { RecordKpiMeasurementArgs } from './dto/record-kpi-measurement.args';
import { withTransactionRetry } from '../../common/database/transaction-retry';

@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  add(actor: AuthUser, input: AddCommitmentInput): Promise<CommitmentEntity> {
    if (!input.description.trim()) throw AppException.badInput('description must not be blank', { fields: ['description'] });
    if (input.kpi && !input.kpi.name.trim()) throw AppException.badInput('kpi.name must not be blank', { fields: ['kpi.name'] });
    const madeAt = happenedAt('madeAt', input.madeAt, this.clock.now());
    return withTransactionRetry(this.dataSource, async (manager) => {
      const origin = await this.originOf(manager, input);
      await this.checkOwner(manager, input, origin.stakeholderId);
      const created = await manager.save(
        manager.create(CommitmentEntity, {
          ...origin,
          description: input.description.trim(),
          party: input.party,
          ownerUserId: input.ownerUserId ?? null,
          ownerContactId: input.ownerContactId ?? null,
          ownerName: input.ownerName?.trim() || null,
          dueOn: input.dueOn,
          kpiName: input.kpi?.name.trim() ?? null,
          kpiTarget: input.kpi?.target ?? null,
          kpiUnit: input.kpi?.unit ?? null,
          status: CommitmentStatus.OPEN,
          createdById: actor.id,
          // created_at is when it was promised, what the promise-kept rate and the trust
          // snapshots count from; the COMMITMENT_ADDED entry keeps when it was recorded.
          createdAt: madeAt,
        }),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMMITMENT,
        recordId: created.id,
        action: 'COMMITMENT_ADDED',
        before: null,
        after: { ...origin, party: created.party, ownerUserId: created.ownerUserId, dueOn: created.dueOn, status: created.status, madeAt: madeAt.toISOString() },
      });
      return created;
    });
  }

  /** resolvedAt: when it was done or dropped (now when null); not before it was made. */
  resolve(actor: AuthUser, id: string, status: CommitmentStatus, note: string | null, resolvedAt: Date | null): Promise<CommitmentEntity> {
    const at = happenedAt('resolvedAt', resolvedAt, this.clock.now());
    return withTransactionRetry(this.dataSource, async (manager) => {
      const commitment = await this.lockFollowedUp(manager, actor, id, 'pessimistic_write');
      const before = commitment.status;
      assertCommitmentTransition(before, status);
      assertNotBefore('resolvedAt', at, commitment.createdAt, 'the commitment was made');
      Object.assign(commitment, { status, statusNote: note, statusChangedAt: at, statusChangedById: actor.id });
      const saved = await manager.save(commitment);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMMITMENT,
        recordId: id,
        action: 'COMMITMENT_STATUS_CHANGED',
        before: { status: before },
        after: { status, note, resolvedAt: at.toISOString() },
      });
      return saved;
    });
  }

  async recordMeasurement(actor: AuthUser, args: RecordKpiMeasurementArgs): Promise<CommitmentEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const commitment = await this.lockFollowedUp(manager, actor, args.id, 'pessimistic_read');
      assertNotInFuture('measuredAt', args.measuredAt, this.clock.now());
      if (!commitment.kpiName) {
        throw AppException.badInput(`Commitment ${args.id} has no KPI to measure`, { fields: ['id'] });
      }
      await manager.insert(CommitmentKpiMeasurementEntity, {
        commitmentId: commitment.id,
        measuredAt: args.measuredAt,
        value: args.value,
        note: args.note ?? null,
        recordedById: actor.id,
      });
      return commitment;
    });
  }

  /** Who follows a promise up: our owner of it, whoever recorded it, leadership and admins. */
  private async lockFollowedUp(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    mode: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<CommitmentEntity> {
    const commitment = await manager.findOne(CommitmentEntity, { where: { id }, lock: { mode } });
    if (!commitment) throw AppException.notFound('Commitment', id);
    const followsUp = [commitment.ownerUserId, commitment.createdById].includes(actor.id);
    if (!followsUp && actor.role !== UserRole.LEADERSHIP && actor.role !== UserRole.ADMIN) {
      throw AppException.forbidden(`Only the owner of commitment ${id}, whoever recorded it, leadership or an admin may update it`);
    }
    return commitment;
  }

  private async originOf(
    manager: EntityManager,
    input: AddCommitmentInput,
  ): Promise<{ stakeholderId: string; caseId: string | null; meetingId: string | null }> {
    if (!input.meetingId && !input.caseId) {
      throw AppException.badInput('Give the meetingId where it was promised, or the caseId it belongs to', { fields: ['meetingId', 'caseId'] });
    }
    const meeting = input.meetingId ? await manager.findOneBy(MeetingEntity, { id: input.meetingId }) : null;
    if (input.meetingId && !meeting) throw AppException.notFound('Meeting', input.meetingId);
    const recoveryCase = input.caseId ? await manager.findOneBy(RecoveryCaseEntity, { id: input.caseId }) : null;
    if (input.caseId && !recoveryCase) throw AppException.notFound('Recovery case', input.caseId);
    if (meeting && recoveryCase && meeting.stakeholderId !== recoveryCase.stakeholderId) {
      throw AppException.badInput(`Meeting ${meeting.id} and case ${recoveryCase.id} are about different stakeholders`, {
        fields: ['meetingId', 'caseId'],
      });
    }
    return {
      stakeholderId: (meeting?.stakeholderId ?? recoveryCase?.stakeholderId) as string,
      caseId: recoveryCase?.id ?? meeting?.caseId ?? null,
      meetingId: meeting?.id ?? null,
    };
  }

  private async checkOwner(manager: EntityManager, input: AddCommitmentInput, stakeholderId: string): Promise<void> {
    if (input.party === CommitmentParty.OURS) {
      if (!input.ownerUserId || input.ownerContactId || input.ownerName?.trim()) {
        throw AppException.badInput('A commitment of OURS names ownerUserId (one of our users) and no contact or name', {
          fields: ['ownerUserId'],
        });
      }
      const user = await manager.findOneBy(UserEntity, { id: input.ownerUserId });
      if (!user) throw AppException.badInput(`ownerUserId: no user with id ${input.ownerUserId}`, { fields: ['ownerUserId'] });
      if (!user.isActive) throw AppException.badInput(`${user.name} is deactivated and cannot own a commitment`, { fields: ['ownerUserId'] });
      return;
    }
    if (input.ownerUserId || (!input.ownerContactId && !input.ownerName?.trim())) {
      throw AppException.badInput('A commitment of THEIRS names ownerContactId or ownerName, not one of our users', {
        fields: ['ownerContactId', 'ownerName'],
      });
    }
    if (input.ownerContactId) {
      const contact = await manager.findOneBy(ContactEntity, { id: input.ownerContactId });
      if (!contact) throw AppException.badInput(`ownerContactId: no contact with id ${input.ownerContactId}`, { fields: ['ownerContactId'] });
      if (contact.stakeholderId !== stakeholderId) {
        throw AppException.badInput(`${contact.name} is a contact of another stakeholder`, { fields: ['ownerContactId'] });
      }
    }
  }
}
