import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CaseStatus } from '../cases/case.enums';
import { moveCaseStatus } from '../cases/move-case-status';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { decideApproval, toBigInt } from './approval-policy';
import { ApprovalPolicyService, toApprovalPolicy } from './approval-policy.service';
import { CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { findCompensation, lockCase, lockCompensation } from './compensation-store';
import { assertCompensationTransition } from './compensation-transitions';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** Statuses whose value counts against the case's estimated loss in the fairness rule. */
export const COMMITTED_STATUSES = [CompensationStatus.APPROVED, CompensationStatus.ISSUED, CompensationStatus.ACCEPTED];

/** A case in one of these moves to COMPENSATING when compensation is first approved. */
const CASE_STATUSES_BEFORE_COMPENSATING = [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED];

@Injectable()
export class CompensationApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policies: ApprovalPolicyService,
    private readonly clock: Clock,
  ) {}

  async approve(actor: AuthUser, id: string, justification: string | null): Promise<CompensationEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const { caseId } = await findCompensation(manager, id);
      // The case first, then the compensation: concurrent approvals of one case's compensation
      // are serialised, so the fairness total cannot be overtaken between read and write.
      const recoveryCase = await lockCase(manager, caseId);
      const compensation = await lockCompensation(manager, id);
      assertCompensationTransition(compensation.status, CompensationStatus.APPROVED);

      const policy = toApprovalPolicy(await this.policies.load(manager));
      const committedMinor = await this.committedOf(manager, caseId, id);
      const decision = decideApproval(policy, {
        approver: actor,
        compensation: {
          proposedById: compensation.proposedById,
          kind: compensation.kind,
          valueMinor: BigInt(compensation.valueMinor),
          currency: compensation.currency.trim(),
          extensionMonths: compensation.extensionMonths,
        },
        estimatedLossMinor: BigInt(recoveryCase.estimatedLossMinor),
        committedMinor,
        justification,
      });
      if (!decision.allowed) {
        throw decision.refusal === 'FORBIDDEN' ? AppException.forbidden(decision.reason) : AppException.badInput(decision.reason, { fields: ['justification'] });
      }

      compensation.status = CompensationStatus.APPROVED;
      compensation.approvedById = actor.id;
      compensation.approvedAt = this.clock.now();
      compensation.approvalJustification = justification?.trim() || null;
      const saved = await manager.save(compensation);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMPENSATION,
        recordId: id,
        action: 'COMPENSATION_APPROVED',
        before: { status: CompensationStatus.PROPOSED },
        after: {
          status: saved.status,
          justification: saved.approvalJustification,
          exceedsFairness: decision.exceedsFairness,
          caseCommittedMinor: (committedMinor + toBigInt(saved.valueMinor)).toString(),
        },
      });
      await this.caseFollows(manager, actor, recoveryCase);
      return saved;
    });
  }

  async reject(actor: AuthUser, id: string, reason: string): Promise<CompensationEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const compensation = await lockCompensation(manager, id);
      assertCompensationTransition(compensation.status, CompensationStatus.REJECTED);
      if (compensation.proposedById === actor.id) {
        throw AppException.forbidden('You cannot reject your own proposal; cancel it instead');
      }
      compensation.status = CompensationStatus.REJECTED;
      compensation.rejectedById = actor.id;
      compensation.rejectedAt = this.clock.now();
      compensation.rejectionReason = reason.trim();
      const saved = await manager.save(compensation);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMPENSATION,
        recordId: id,
        action: 'COMPENSATION_REJECTED',
        before: { status: CompensationStatus.PROPOSED },
        after: { status: saved.status, reason: saved.rejectionReason },
      });
      return saved;
    });
  }

  private async committedOf(manager: EntityManager, caseId: string, excludingId: string): Promise<bigint> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(value_minor), 0)::text AS total FROM compensations
        WHERE case_id = $1 AND id <> $2 AND status = ANY($3::compensation_status[])`,
      [caseId, excludingId, COMMITTED_STATUSES],
    );
    return BigInt((row as { total: string }).total);
  }

  /** The first approval moves an early case on to COMPENSATING, like changeCaseStatus would, audited the same way. */
  private async caseFollows(manager: EntityManager, actor: AuthUser, recoveryCase: RecoveryCaseEntity): Promise<void> {
    if (!CASE_STATUSES_BEFORE_COMPENSATING.includes(recoveryCase.status)) return;
    await moveCaseStatus(manager, this.audit, actor.id, recoveryCase, CaseStatus.COMPENSATING, { note: 'Compensation approved' }, this.clock.now());
  }
}
