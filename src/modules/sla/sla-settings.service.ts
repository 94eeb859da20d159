import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AuditedRecord } from '../audit/audited-record.enum';
import { AuditService } from '../audit/audit.service';
import { CrisisSeverity } from '../crises/crisis.enums';
import { UpdateSlaSettingsInput } from './dto/update-sla-settings.input';
import { SlaSettingsEntity } from './sla-settings.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const GOLDEN_COLUMN: Record<CrisisSeverity, keyof SlaSettingsEntity> = {
  [CrisisSeverity.MINOR]: 'goldenHoursMinor',
  [CrisisSeverity.MODERATE]: 'goldenHoursModerate',
  [CrisisSeverity.SEVERE]: 'goldenHoursSevere',
  [CrisisSeverity.CRITICAL]: 'goldenHoursCritical',
};

const AUDITED: (keyof SlaSettingsEntity)[] = [
  ...Object.values(GOLDEN_COLUMN),
  'goldenHoursImpacts',
  'replyWithinHours',
  'escalateAfterHours',
  'taskReminderMinutes',
];

function auditView(s: SlaSettingsEntity): Record<string, unknown> {
  return Object.fromEntries(AUDITED.map((k) => [k, s[k]]));
}

@Injectable()
export class SlaSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<SlaSettingsEntity> {
    const [settings] = await manager.find(SlaSettingsEntity, { take: 1 });
    if (!settings) throw new Error('sla_settings has no row; the migration inserts it');
    return settings;
  }

  async update(actor: AuthUser, input: UpdateSlaSettingsInput): Promise<SlaSettingsEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const current = await this.get(manager);
      const locked = await manager.findOneOrFail(SlaSettingsEntity, { where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      const before = auditView(locked);
      const changes: Partial<SlaSettingsEntity> = { updatedById: actor.id };
      for (const g of input.goldenHours ?? []) Object.assign(changes, { [GOLDEN_COLUMN[g.severity]]: g.hours });
      if (input.goldenHoursImpacts) changes.goldenHoursImpacts = input.goldenHoursImpacts;
      if (input.replyWithinHours != null) changes.replyWithinHours = input.replyWithinHours;
      if (input.escalateAfterHours != null) changes.escalateAfterHours = input.escalateAfterHours;
      if (input.taskReminderMinutes != null) changes.taskReminderMinutes = input.taskReminderMinutes;
      await manager.update(SlaSettingsEntity, { id: locked.id }, changes);
      const after = await manager.findOneByOrFail(SlaSettingsEntity, { id: locked.id });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.SLA_SETTINGS,
        recordId: after.id,
        action: 'SLA_SETTINGS_CHANGED',
        before,
        after: auditView(after),
      });
      return after;
    });
  }
}
