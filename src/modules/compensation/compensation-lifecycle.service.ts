import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { UserRole } from '../users/user-role.enum';
import { CompensationResponse, CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { assertCaseActor, lockCompensation } from './compensation-store';
import { assertCompensationTransition } from './compensation-transitions';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** Cancelling before issue, and recording the stakeholder's answer after it. */
@Injectable()
export class CompensationLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The proposer, the case owner or an admin. */
  async cancel(actor: AuthUser, id: string, reason: string): Promise<CompensationEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const compensation = await lockCompensation(manager, id);
      const recoveryCase = await manager.findOneByOrFail(RecoveryCaseEntity, { id: compensation.caseId });
      if (actor.role !== UserRole.ADMIN && compensation.proposedById !== actor.id && recoveryCase.ownerId !== actor.id) {
        throw AppException.forbidden(`Only the proposer, the owner of case ${recoveryCase.id} or an admin may cancel compensation ${id}`);
      }
      const before = compensation.status;
      assertCompensationTransition(before, CompensationStatus.CANCELLED);
      compensation.status = CompensationStatus.CANCELLED;
      compensation.cancelledById = actor.id;
      compensation.cancelledAt = this.clock.now();
      compensation.cancellationReason = reason.trim();
      const saved = await manager.save(compensation);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMPENSATION,
        recordId: id,
        action: 'COMPENSATION_CANCELLED',
        before: { status: before },
        after: { status: saved.status, reason: saved.cancellationReason },
      });
      return saved;
    });
  }

  /** The case owner or an admin records whether the stakeholder accepted what was issued. */
  async recordResponse(actor: AuthUser, id: string, response: CompensationResponse, reason: string | null): Promise<CompensationEntity> {
    const why = reason?.trim() || null;
    if (response === CompensationResponse.DECLINED && !why) {
      throw AppException.badInput('Give the reason the stakeholder declined', { fields: ['reason'] });
    }
    return withTransactionRetry(this.dataSource, async (manager) => {
      const compensation = await lockCompensation(manager, id);
      const recoveryCase = await manager.findOneByOrFail(RecoveryCaseEntity, { id: compensation.caseId });
      assertCaseActor(actor, recoveryCase, 'record the response to');
      const status = response === CompensationResponse.ACCEPTED ? CompensationStatus.ACCEPTED : CompensationStatus.DECLINED;
      assertCompensationTransition(compensation.status, status);
      compensation.status = status;
      compensation.respondedById = actor.id;
      compensation.respondedAt = this.clock.now();
      compensation.declineReason = status === CompensationStatus.DECLINED ? why : null;
      const saved = await manager.save(compensation);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMPENSATION,
        recordId: id,
        action: status === CompensationStatus.ACCEPTED ? 'COMPENSATION_ACCEPTED' : 'COMPENSATION_DECLINED',
        before: { status: CompensationStatus.ISSUED },
        after: { status, reason: why },
      });
      return saved;
    });
  }
}
