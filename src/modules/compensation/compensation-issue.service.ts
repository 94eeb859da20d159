import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { CompensationKind, CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { CompensationIssueRequestEntity } from './compensation-issue-request.entity';
import { assertCaseActor, findCompensation, lockCompensation } from './compensation-store';
import { assertCompensationTransition } from './compensation-transitions';
import { generateCouponCode } from './coupon-code';
import { extensionValue } from './compensation-proposals.service';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const COUPON_CODE_KEY = 'compensations_coupon_code_key';
const ISSUE_KEY_PKEY = 'compensation_issue_requests_pkey';
const COUPON_CODE_ATTEMPTS = 5;

export interface IssueRequest {
  id: string;
  idempotencyKey: string;
  reference: string | null;
}

/** What the key stands for: the same key with another compensation or reference is another request. */
export function issueRequestHash(request: IssueRequest): string {
  return createHash('sha256').update(JSON.stringify({ compensationId: request.id, reference: request.reference })).digest('hex');
}

@Injectable()
export class CompensationIssueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Issues an approved compensation exactly once per idempotency key. */
  async issue(actor: AuthUser, request: IssueRequest): Promise<CompensationEntity> {
    const hash = issueRequestHash(request);
    try {
      return await withTransactionRetry(this.dataSource, (manager) => this.issueLocked(manager, actor, request, hash));
    } catch (error) {
      // The same key raced in on another compensation; what it stands for is now committed.
      if (isPgError(error, PgErrorCode.UniqueViolation, ISSUE_KEY_PKEY)) {
        return withTransactionRetry(this.dataSource, (manager) => this.replay(manager, request, hash));
      }
      throw error;
    }
  }

  private async issueLocked(manager: EntityManager, actor: AuthUser, request: IssueRequest, hash: string): Promise<CompensationEntity> {
    // Locked before the key is read: a concurrent call with the same key waits here and then sees it.
    const compensation = await lockCompensation(manager, request.id);
    const recoveryCase = await manager.findOneByOrFail(RecoveryCaseEntity, { id: compensation.caseId });
    assertCaseActor(actor, recoveryCase, 'issue');
    const previous = await manager.findOneBy(CompensationIssueRequestEntity, { idempotencyKey: request.idempotencyKey });
    if (previous) return this.replay(manager, request, hash, previous);
    assertCompensationTransition(compensation.status, CompensationStatus.ISSUED);

    compensation.status = CompensationStatus.ISSUED;
    compensation.issuedById = actor.id;
    compensation.issuedAt = this.clock.now();
    compensation.issueReference = request.reference?.trim() || null;
    if (compensation.kind === CompensationKind.CONTRACT_EXTENSION) {
      await this.extendContract(manager, actor, compensation, recoveryCase);
    }
    const issued =
      compensation.kind === CompensationKind.COUPON ? await this.saveWithCouponCode(manager, compensation) : await manager.save(compensation);

    const result = {
      compensationId: issued.id,
      status: issued.status,
      issuedAt: issued.issuedAt!.toISOString(),
      issueReference: issued.issueReference,
      couponCode: issued.couponCode,
      contractEndAfter: issued.contractEndAfter,
    };
    await manager.insert(
      CompensationIssueRequestEntity,
      Object.assign(new CompensationIssueRequestEntity(), {
        idempotencyKey: request.idempotencyKey,
        compensationId: issued.id,
        requestHash: hash,
        result,
        createdById: actor.id,
      }),
    );
    await this.audit.record(manager, {
      actorId: actor.id,
      record: AuditedRecord.COMPENSATION,
      recordId: issued.id,
      action: 'COMPENSATION_ISSUED',
      before: { status: CompensationStatus.APPROVED },
      after: { ...result, idempotencyKey: request.idempotencyKey },
    });
    return issued;
  }

  private async replay(
    manager: EntityManager,
    request: IssueRequest,
    hash: string,
    previous?: CompensationIssueRequestEntity | null,
  ): Promise<CompensationEntity> {
    const stored = previous ?? (await manager.findOneByOrFail(CompensationIssueRequestEntity, { idempotencyKey: request.idempotencyKey }));
    if (stored.requestHash !== hash) {
      throw AppException.conflict(
        `idempotencyKey ${request.idempotencyKey} was already used for another request ` +
          `(compensation ${stored.compensationId}); use a new key for a new request`,
        { compensationId: stored.compensationId },
      );
    }
    return findCompensation(manager, stored.compensationId);
  }

  /** Same transaction as the issue: the contract is extended exactly when the compensation is issued. */
  private async extendContract(
    manager: EntityManager,
    actor: AuthUser,
    compensation: CompensationEntity,
    recoveryCase: RecoveryCaseEntity,
  ): Promise<void> {
    const stakeholder = await manager.findOne(StakeholderEntity, {
      where: { id: recoveryCase.stakeholderId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!stakeholder) throw AppException.notFound('Stakeholder', recoveryCase.stakeholderId);
    // The contract may have changed since the proposal; re-check it can still be extended.
    extensionValue(stakeholder, compensation.extensionMonths!, compensation.currency.trim());
    const before = stakeholder.contractEndDate!;
    const [row] = await manager.query(`SELECT ($1::date + make_interval(months => $2))::date::text AS end_date`, [
      before,
      compensation.extensionMonths,
    ]);
    const after = (row as { end_date: string }).end_date;
    await manager.update(StakeholderEntity, { id: stakeholder.id }, { contractEndDate: after });
    compensation.contractEndBefore = before;
    compensation.contractEndAfter = after;
    await this.audit.record(manager, {
      actorId: actor.id,
      record: AuditedRecord.STAKEHOLDER,
      recordId: stakeholder.id,
      action: 'STAKEHOLDER_CONTRACT_CHANGED',
      before: { contractEndDate: before },
      after: { contractEndDate: after, compensationId: compensation.id, extensionMonths: compensation.extensionMonths },
    });
  }

  /**
   * Saves the issue with a fresh coupon code. A collision (about one in 2^59 per pair) only
   * rolls back to a savepoint and draws again.
   */
  private async saveWithCouponCode(manager: EntityManager, compensation: CompensationEntity): Promise<CompensationEntity> {
    for (let attempt = 1; ; attempt += 1) {
      compensation.couponCode = generateCouponCode();
      try {
        return await manager.transaction((savepoint) => savepoint.save(compensation));
      } catch (error) {
        if (!isPgError(error, PgErrorCode.UniqueViolation, COUPON_CODE_KEY) || attempt >= COUPON_CODE_ATTEMPTS) throw error;
      }
    }
  }
}
