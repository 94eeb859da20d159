import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { CompensationKind, CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { assertCaseActor, compensationSnapshot, todayUtc } from './compensation-store';
import { ProposeCompensationInput } from './dto/propose-compensation.input';
import { proposalShapeProblems } from './proposal-rules';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const INT64_MAX = 2n ** 63n - 1n;

/**
 * The value of extending a partner's contract: the months times its baseline monthly revenue,
 * which must be in the case's currency so totals stay comparable with the loss.
 */
export function extensionValue(stakeholder: StakeholderEntity, months: number, caseCurrency: string): bigint {
  if (stakeholder.kind !== StakeholderKind.PARTNER) {
    throw AppException.badInput(
      `Stakeholder ${stakeholder.id} is a customer; contract extensions are only for partners with a contract`,
      { fields: ['kind'] },
    );
  }
  if (!stakeholder.contractEndDate) {
    throw AppException.badInput(`Partner ${stakeholder.id} has no contract end date to extend; record its contract first`, {
      fields: ['kind'],
    });
  }
  if (stakeholder.baselineMonthlyRevenueMinor === null || stakeholder.baselineCurrency === null) {
    throw AppException.badInput(
      `Partner ${stakeholder.id} has no baseline monthly revenue, so the extension cannot be valued; record the baseline first`,
    );
  }
  const currency = stakeholder.baselineCurrency.trim();
  if (currency !== caseCurrency) {
    throw AppException.badInput(
      `Partner ${stakeholder.id}'s baseline revenue is in ${currency} but the case's loss is in ${caseCurrency}; ` +
        'the extension must be valued in the case currency',
    );
  }
  const value = BigInt(stakeholder.baselineMonthlyRevenueMinor) * BigInt(months);
  if (value <= 0n) throw AppException.badInput(`Partner ${stakeholder.id}'s baseline monthly revenue is zero; the extension has no value`);
  if (value > INT64_MAX) throw AppException.badInput('The extension value is beyond the 64-bit range');
  return value;
}

@Injectable()
export class CompensationProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async propose(actor: AuthUser, input: ProposeCompensationInput): Promise<CompensationEntity> {
    const problems = proposalShapeProblems({ ...input, hasValue: !!input.value }, todayUtc(this.clock.now()));
    if (problems.length) throw AppException.badInput(`The ${input.kind} proposal is incomplete: ${problems.join('; ')}`, { problems });
    if (input.value && BigInt(input.value.amountMinor) <= 0n) {
      throw AppException.badInput('value must be more than zero', { fields: ['value'] });
    }

    return withTransactionRetry(this.dataSource, async (manager) => {
      // FOR SHARE: the case's currency cannot change under a proposal being made in it.
      const recoveryCase = await manager.findOne(RecoveryCaseEntity, {
        where: { id: input.caseId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!recoveryCase) throw AppException.notFound('Recovery case', input.caseId);
      assertCaseActor(actor, recoveryCase, 'propose');
      const currency = recoveryCase.lossCurrency.trim();

      let valueMinor: string;
      if (input.kind === CompensationKind.CONTRACT_EXTENSION) {
        const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
        valueMinor = extensionValue(stakeholder, input.extensionMonths!, currency).toString();
      } else {
        const value = input.value!;
        if (value.currency !== currency) {
          throw AppException.badInput(
            `The value is in ${value.currency} but recovery case ${recoveryCase.id} counts its loss in ${currency}; propose it in ${currency}`,
            { fields: ['value'] },
          );
        }
        valueMinor = value.amountMinor;
      }

      const created = await manager.save(
        manager.create(CompensationEntity, {
          caseId: recoveryCase.id,
          kind: input.kind,
          status: CompensationStatus.PROPOSED,
          valueMinor,
          currency,
          refundReference: input.refundReference?.trim() || null,
          couponPercent: input.couponPercent ?? null,
          couponExpiresOn: input.couponExpiresOn ?? null,
          extensionMonths: input.extensionMonths ?? null,
          description: input.description?.trim() || null,
          proposedById: actor.id,
          proposedAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.COMPENSATION,
        recordId: created.id,
        action: 'COMPENSATION_PROPOSED',
        before: null,
        after: compensationSnapshot(created),
      });
      return created;
    });
  }
}
