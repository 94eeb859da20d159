import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { assertNotBefore, happenedAt } from '../../common/time/after-the-fact';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CadenceEnrolmentService } from '../cadences/cadence-enrolment.service';
import { CrisisPhase } from '../crises/crisis.enums';
import { CrisisEntity } from '../crises/crisis.entity';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { UserRole } from '../users/user-role.enum';
import { UserEntity } from '../users/user.entity';
import { CasePriority, CaseStatus } from './case.enums';
import { canOwnCase, ownerRuleText } from './case-owner-rule';
import { assertCaseTransition } from './case-status-transitions';
import { moveCaseStatus } from './move-case-status';
import { OpenCaseInput } from './dto/open-case.input';
import { UpdateCaseInput } from './dto/update-case.input';
import { RecoveryCaseEntity } from './recovery-case.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const ONE_CASE_PER_PAIR = 'recovery_cases_one_per_stakeholder_and_crisis';

function lossOf(c: RecoveryCaseEntity): { amountMinor: string; currency: string } {
  return { amountMinor: c.estimatedLossMinor, currency: c.lossCurrency.trim() };
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cadences: CadenceEnrolmentService,
    private readonly clock: Clock,
  ) {}

  async open(actor: AuthUser, input: OpenCaseInput): Promise<RecoveryCaseEntity> {
    const now = this.clock.now();
    const openedAt = happenedAt('openedAt', input.openedAt, now);
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        // FOR SHARE: the crisis cannot be closed while a case is being opened in it.
        const crisis = await manager.findOne(CrisisEntity, { where: { id: input.crisisId }, lock: { mode: 'pessimistic_read' } });
        if (!crisis) throw AppException.notFound('Crisis', input.crisisId);
        assertNotBefore('openedAt', openedAt, crisis.detectedAt, 'the crisis was detected');
        if (crisis.phase === CrisisPhase.CLOSED) {
          throw AppException.conflict(`Crisis ${crisis.id} is closed; cases can only be opened in a crisis that is not CLOSED`);
        }
        const stakeholder = await manager.findOneBy(StakeholderEntity, { id: input.stakeholderId });
        if (!stakeholder) throw AppException.notFound('Stakeholder', input.stakeholderId);
        const ownerId = await this.pickOwner(manager, actor, stakeholder, input.ownerId ?? null);

        const created = await manager.save(
          manager.create(RecoveryCaseEntity, {
            crisisId: crisis.id,
            stakeholderId: stakeholder.id,
            impact: input.impact,
            estimatedLossMinor: input.estimatedLoss.amountMinor,
            lossCurrency: input.estimatedLoss.currency,
            description: input.description ?? '',
            ownerId,
            status: CaseStatus.IDENTIFIED,
            priority: input.priority ?? CasePriority.NORMAL,
            // created_at is the opening instant every clock reads (golden hours, response
            // facts, snapshots); the CASE_OPENED entry below keeps when it was recorded.
            createdAt: openedAt,
            statusChangedAt: openedAt,
            openedById: actor.id,
          }),
        );
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.RECOVERY_CASE,
          recordId: created.id,
          action: 'CASE_OPENED',
          before: null,
          after: {
            crisisId: created.crisisId,
            stakeholderId: created.stakeholderId,
            ownerId,
            status: created.status,
            priority: created.priority,
            impact: created.impact,
            estimatedLoss: lossOf(created),
            openedAt: openedAt.toISOString(),
          },
        });
        await this.cadences.enrolByMatrix(manager, actor, created, now);
        return created;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, ONE_CASE_PER_PAIR)) throw await this.duplicateCase(input);
      throw error;
    }
  }

  async update(actor: AuthUser, id: string, input: UpdateCaseInput): Promise<RecoveryCaseEntity> {
    const given = Object.entries(input).filter(([, value]) => value !== undefined && value !== null);
    if (given.length === 0) {
      throw AppException.badInput('Give at least one of impact, estimatedLoss, description or priority to change');
    }
    return withTransactionRetry(this.dataSource, async (manager) => {
      const recoveryCase = await this.lockOwnCase(manager, actor, id, 'edit');
      const lossBefore = lossOf(recoveryCase);
      if (input.impact) recoveryCase.impact = input.impact;
      if (input.priority) recoveryCase.priority = input.priority;
      if (input.description !== undefined && input.description !== null) recoveryCase.description = input.description;
      if (input.estimatedLoss) {
        recoveryCase.estimatedLossMinor = input.estimatedLoss.amountMinor;
        recoveryCase.lossCurrency = input.estimatedLoss.currency;
      }
      const saved = await manager.save(recoveryCase);
      const lossAfter = lossOf(saved);
      if (lossAfter.amountMinor !== lossBefore.amountMinor || lossAfter.currency !== lossBefore.currency) {
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.RECOVERY_CASE,
          recordId: saved.id,
          action: 'CASE_LOSS_CHANGED',
          before: { estimatedLoss: lossBefore },
          after: { estimatedLoss: lossAfter },
        });
      }
      return saved;
    });
  }

  /** changedAt: when it happened (now when null); the history runs forwards, so not before the previous change. */
  async changeStatus(actor: AuthUser, id: string, status: CaseStatus, note: string | null, changedAt: Date | null): Promise<RecoveryCaseEntity> {
    const at = happenedAt('changedAt', changedAt, this.clock.now());
    return withTransactionRetry(this.dataSource, async (manager) => {
      const recoveryCase = await this.lockOwnCase(manager, actor, id, 'change the status of');
      assertCaseTransition(recoveryCase.status, status);
      assertNotBefore('changedAt', at, recoveryCase.statusChangedAt, `the case's previous status change, to ${recoveryCase.status}`);
      const saved = await moveCaseStatus(manager, this.audit, actor.id, recoveryCase, status, { note }, at);
      await this.cadences.stopForClosedCase(manager, actor.id, saved.id, status);
      return saved;
    });
  }

  /** Reassigning to the current owner changes nothing and writes no audit entry. */
  async reassign(actor: AuthUser, id: string, ownerId: string, reason: string | null): Promise<RecoveryCaseEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const recoveryCase = await this.lockCase(manager, id);
      const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
      await this.requireOwner(manager, ownerId, stakeholder);
      if (recoveryCase.ownerId === ownerId) return recoveryCase;
      const before = recoveryCase.ownerId;
      recoveryCase.ownerId = ownerId;
      const saved = await manager.save(recoveryCase);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.RECOVERY_CASE,
        recordId: saved.id,
        action: 'CASE_REASSIGNED',
        before: { ownerId: before },
        after: { ownerId, reason },
      });
      return saved;
    });
  }

  /**
   * The owner when none is named: the opener if their role fits the stakeholder's kind,
   * else the stakeholder's own owner if theirs does.
   */
  private async pickOwner(
    manager: EntityManager,
    actor: AuthUser,
    stakeholder: StakeholderEntity,
    ownerId: string | null,
  ): Promise<string> {
    if (ownerId) return (await this.requireOwner(manager, ownerId, stakeholder)).id;
    if (canOwnCase({ role: actor.role, isActive: true }, stakeholder.kind)) return actor.id;
    if (stakeholder.ownerId) {
      const stakeholderOwner = await manager.findOneBy(UserEntity, { id: stakeholder.ownerId });
      if (stakeholderOwner && canOwnCase(stakeholderOwner, stakeholder.kind)) return stakeholderOwner.id;
    }
    throw AppException.badInput(
      `Give ownerId: ${ownerRuleText(stakeholder.kind)}, and neither you nor the owner of stakeholder ${stakeholder.id} qualifies`,
      { fields: ['ownerId'] },
    );
  }

  private async requireOwner(manager: EntityManager, ownerId: string, stakeholder: StakeholderEntity): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id: ownerId });
    if (!user) throw AppException.notFound('User', ownerId);
    if (!canOwnCase(user, stakeholder.kind)) {
      const what = user.isActive ? `a ${user.role}` : 'deactivated';
      throw AppException.badInput(`User ${user.id} is ${what}; ${ownerRuleText(stakeholder.kind)}`, { fields: ['ownerId'] });
    }
    return user;
  }

  private async lockCase(manager: EntityManager, id: string): Promise<RecoveryCaseEntity> {
    const found = await manager.findOne(RecoveryCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw AppException.notFound('Recovery case', id);
    return found;
  }

  /** Agents and partner managers act only on the cases they own; admins on any. */
  private async lockOwnCase(manager: EntityManager, actor: AuthUser, id: string, verb: string): Promise<RecoveryCaseEntity> {
    const found = await this.lockCase(manager, id);
    if (actor.role !== UserRole.ADMIN && found.ownerId !== actor.id) {
      throw AppException.forbidden(`Only the case owner or an admin may ${verb} recovery case ${id}`);
    }
    return found;
  }

  private async duplicateCase(input: OpenCaseInput): Promise<AppException> {
    const existing = await this.dataSource
      .getRepository(RecoveryCaseEntity)
      .findOne({ select: { id: true }, where: { crisisId: input.crisisId, stakeholderId: input.stakeholderId } });
    return AppException.conflict(
      `A recovery case already exists for stakeholder ${input.stakeholderId} in crisis ${input.crisisId}` +
        (existing ? ` (case ${existing.id}); update that case instead` : ''),
      existing ? { caseId: existing.id } : {},
    );
  }
}
