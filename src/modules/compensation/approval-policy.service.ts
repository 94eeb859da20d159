import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { ApprovalLimitEntity } from './approval-limit.entity';
import { ApprovalPolicy } from './approval-policy';
import { UpdateApprovalPolicyInput } from './dto/update-approval-policy.input';
import { PolicySettingsEntity } from './policy-settings.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface StoredApprovalPolicy {
  settings: PolicySettingsEntity;
  limits: ApprovalLimitEntity[];
}

export function toApprovalPolicy({ settings, limits }: StoredApprovalPolicy): ApprovalPolicy {
  return {
    limits: limits.map((l) => ({
      role: l.role,
      currency: l.currency?.trim() ?? null,
      limitMinor: l.limitMinor === null ? null : BigInt(l.limitMinor),
    })),
    leadershipExtensionMonthsAbove: settings.leadershipExtensionMonthsAbove,
    fairnessRatioPermille: settings.fairnessRatioPermille,
  };
}

function policyAuditView({ settings, limits }: StoredApprovalPolicy): Record<string, unknown> {
  return {
    leadershipExtensionMonthsAbove: settings.leadershipExtensionMonthsAbove,
    fairnessRatioPermille: settings.fairnessRatioPermille,
    limits: limits.map((l) => ({ role: l.role, currency: l.currency?.trim() ?? null, limitMinor: l.limitMinor })),
  };
}

/** The approval policy as stored: one settings row and the limits per role and currency. */
@Injectable()
export class ApprovalPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async load(manager: EntityManager = this.dataSource.manager, lock = false): Promise<StoredApprovalPolicy> {
    const settings = await manager.findOne(PolicySettingsEntity, {
      where: {},
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!settings) throw new Error('compensation_policy_settings has no row; run the migrations');
    const limits = await manager.find(ApprovalLimitEntity, { order: { role: 'ASC', currency: { direction: 'ASC', nulls: 'FIRST' } } });
    return { settings, limits };
  }

  async update(actor: AuthUser, input: UpdateApprovalPolicyInput): Promise<StoredApprovalPolicy> {
    if (!input.limits?.length && input.leadershipExtensionMonthsAbove == null && input.fairnessRatioPermille == null) {
      throw AppException.badInput('Give at least one of limits, leadershipExtensionMonthsAbove or fairnessRatioPermille to change');
    }
    const keys = (input.limits ?? []).map((l) => `${l.role}/${l.currency ?? 'default'}`);
    if (new Set(keys).size !== keys.length) throw AppException.badInput('Give each role and currency at most once in limits');

    return withTransactionRetry(this.dataSource, async (manager) => {
      // Locking the settings row serialises policy changes, so each audit entry's before is exact.
      const before = await this.load(manager, true);
      const { settings } = before;
      const beforeView = policyAuditView(before);
      if (input.leadershipExtensionMonthsAbove != null) settings.leadershipExtensionMonthsAbove = input.leadershipExtensionMonthsAbove;
      if (input.fairnessRatioPermille != null) settings.fairnessRatioPermille = input.fairnessRatioPermille;
      settings.updatedById = actor.id;
      await manager.save(settings);
      for (const limit of input.limits ?? []) {
        const currency = limit.currency ?? null;
        const existing = await manager.findOneBy(ApprovalLimitEntity, { role: limit.role, currency: currency ?? IsNull() });
        const row = existing ?? manager.create(ApprovalLimitEntity, { role: limit.role, currency });
        row.limitMinor = limit.limitMinor ?? null;
        row.updatedById = actor.id;
        await manager.save(row);
      }
      const after = await this.load(manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.APPROVAL_POLICY,
        recordId: settings.id,
        action: 'APPROVAL_POLICY_CHANGED',
        before: beforeView,
        after: policyAuditView(after),
      });
      return after;
    });
  }
}
