import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { UpdateTrustSettingsInput } from './dto/update-trust-settings.input';
import { TrustFormulaSettings } from './trust-facts';
import { TrustSettingsEntity } from './trust-settings.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const EDITABLE = [
  'weightSurveyTrust',
  'weightNps',
  'weightSentiment',
  'weightResponsiveness',
  'weightRevenue',
  'weightPromises',
  'lookbackMonths',
  'recentMonths',
  'recentWeight',
  'noContactDays',
  'overduePenaltyPoints',
  'overduePenaltyCap',
  'recoveringMin',
  'recoveredMin',
] as const satisfies readonly (keyof TrustSettingsEntity & keyof UpdateTrustSettingsInput)[];

const view = (s: TrustSettingsEntity) => Object.fromEntries(EDITABLE.map((k) => [k, s[k]]));

export function formulaSettings(s: TrustSettingsEntity): TrustFormulaSettings {
  return {
    weights: {
      surveyTrust: s.weightSurveyTrust,
      nps: s.weightNps,
      sentiment: s.weightSentiment,
      responsiveness: s.weightResponsiveness,
      revenue: s.weightRevenue,
      promises: s.weightPromises,
    },
    lookbackMonths: s.lookbackMonths,
    recentMonths: s.recentMonths,
    recentWeight: s.recentWeight,
    noContactDays: s.noContactDays,
    overduePenaltyPoints: s.overduePenaltyPoints,
    overduePenaltyCap: s.overduePenaltyCap,
    recoveringMin: s.recoveringMin,
    recoveredMin: s.recoveredMin,
  };
}

@Injectable()
export class TrustSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<TrustSettingsEntity> {
    const [settings] = await manager.find(TrustSettingsEntity, { take: 1 });
    if (!settings) throw new Error('trust_settings has no row; the migration inserts it');
    return settings;
  }

  /** Only the fields given change; the combination must still hold (some weight, ordered bands). */
  async update(actor: AuthUser, input: UpdateTrustSettingsInput): Promise<TrustSettingsEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const current = await this.get(manager);
      const locked = await manager.findOneOrFail(TrustSettingsEntity, { where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      const before = view(locked);
      const next = { ...locked };
      for (const key of EDITABLE) {
        const value = input[key];
        if (value !== undefined && value !== null) next[key] = value;
      }
      const weights = formulaSettings(next).weights;
      if (Object.values(weights).every((w) => w === 0)) {
        throw AppException.badInput('At least one weight must be above 0', { fields: EDITABLE.filter((k) => k.startsWith('weight')) });
      }
      if (next.recentMonths > next.lookbackMonths) {
        throw AppException.badInput(`recentMonths (${next.recentMonths}) must not exceed lookbackMonths (${next.lookbackMonths})`, {
          fields: ['recentMonths', 'lookbackMonths'],
        });
      }
      if (!(next.recoveringMin < next.recoveredMin)) {
        throw AppException.badInput(`recoveringMin (${next.recoveringMin}) must be below recoveredMin (${next.recoveredMin})`, {
          fields: ['recoveringMin', 'recoveredMin'],
        });
      }
      await manager.update(TrustSettingsEntity, { id: locked.id }, { ...Object.fromEntries(EDITABLE.map((k) => [k, next[k]])), updatedById: actor.id });
      const after = await manager.findOneByOrFail(TrustSettingsEntity, { id: locked.id });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.TRUST_SETTINGS,
        recordId: after.id,
        action: 'TRUST_SETTINGS_CHANGED',
        before,
        after: view(after),
      });
      return after;
    });
  }
}
