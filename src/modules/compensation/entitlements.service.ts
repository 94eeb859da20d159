import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { CrisisEntity } from '../crises/crisis.entity';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { CompensationKind } from './compensation.enums';
import { SetEntitlementDefaultInput } from './dto/set-entitlement-default.input';
import { EntitlementDefaultEntity } from './entitlement-default.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface Suggestion {
  entitlement: EntitlementDefaultEntity;
  /** For an extension, months × the partner's baseline when it is in the case currency; else null. */
  valueMinor: string | null;
  currency: string | null;
}

function auditView(e: EntitlementDefaultEntity): Record<string, unknown> {
  return { impact: e.impact, tier: e.tier, kind: e.kind, valueMinor: e.valueMinor, currency: e.currency?.trim() ?? null, extensionMonths: e.extensionMonths };
}

/** Per-crisis defaults (impact × tier → kind and value) that pre-fill the propose form. */
@Injectable()
export class EntitlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async set(actor: AuthUser, input: SetEntitlementDefaultInput): Promise<EntitlementDefaultEntity> {
    const extension = input.kind === CompensationKind.CONTRACT_EXTENSION;
    if (extension && (input.value || !input.extensionMonths)) {
      throw AppException.badInput('A CONTRACT_EXTENSION default takes extensionMonths and no value (it is valued from the baseline)');
    }
    if (!extension && (!input.value || input.extensionMonths != null)) {
      throw AppException.badInput(`A ${input.kind} default takes a value and no extensionMonths`);
    }
    if (input.value && BigInt(input.value.amountMinor) <= 0n) throw AppException.badInput('value must be more than zero');

    return withTransactionRetry(this.dataSource, async (manager) => {
      const crisis = await manager.findOneBy(CrisisEntity, { id: input.crisisId });
      if (!crisis) throw AppException.notFound('Crisis', input.crisisId);
      const existing = await manager.findOne(EntitlementDefaultEntity, {
        where: { crisisId: input.crisisId, impact: input.impact, tier: input.tier },
        lock: { mode: 'pessimistic_write' },
      });
      const before = existing ? auditView(existing) : null;
      const row = existing ?? manager.create(EntitlementDefaultEntity, { crisisId: input.crisisId, impact: input.impact, tier: input.tier });
      row.kind = input.kind;
      row.valueMinor = input.value?.amountMinor ?? null;
      row.currency = input.value?.currency ?? null;
      row.extensionMonths = input.extensionMonths ?? null;
      row.updatedById = actor.id;
      const saved = await manager.save(row);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.CRISIS,
        recordId: input.crisisId,
        action: 'ENTITLEMENT_DEFAULT_SET',
        before,
        after: auditView(saved),
      });
      return saved;
    });
  }

  /** Null when the crisis has no default for the case's impact and the stakeholder's tier. */
  async suggest(caseId: string): Promise<Suggestion | null> {
    const manager = this.dataSource.manager;
    const recoveryCase = await manager.findOneBy(RecoveryCaseEntity, { id: caseId });
    if (!recoveryCase) throw AppException.notFound('Recovery case', caseId);
    const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
    const entitlement = await manager.findOneBy(EntitlementDefaultEntity, {
      crisisId: recoveryCase.crisisId,
      impact: recoveryCase.impact,
      tier: stakeholder.tier,
    });
    if (!entitlement) return null;
    if (entitlement.kind !== CompensationKind.CONTRACT_EXTENSION) {
      return { entitlement, valueMinor: entitlement.valueMinor, currency: entitlement.currency?.trim() ?? null };
    }
    const caseCurrency = recoveryCase.lossCurrency.trim();
    const baseline = stakeholder.baselineMonthlyRevenueMinor;
    if (baseline === null || stakeholder.baselineCurrency?.trim() !== caseCurrency) {
      return { entitlement, valueMinor: null, currency: null };
    }
    return { entitlement, valueMinor: (BigInt(baseline) * BigInt(entitlement.extensionMonths!)).toString(), currency: caseCurrency };
  }
}
