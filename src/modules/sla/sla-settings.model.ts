import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImpactLevel } from '../cases/case.enums';
import { CrisisSeverity } from '../crises/crisis.enums';
import { GoldenHoursModel } from './golden-hours.model';
import { SlaSettingsEntity } from './sla-settings.entity';

@ObjectType('SlaSettings', { description: 'How long each SLA clock runs. Admins change them with updateSlaSettings.' })
export class SlaSettingsModel {
  @Field(() => [GoldenHoursModel], { description: 'Hours for the first outbound contact, per crisis severity.' })
  goldenHours: GoldenHoursModel[];

  @Field(() => [ImpactLevel], { description: 'The case impacts that owe the golden-hours contact.' })
  goldenHoursImpacts: ImpactLevel[];

  @Field(() => Int, { description: 'Hours within which an inbound message needs an outbound reply.' })
  replyWithinHours: number;

  @Field(() => Int, { description: 'Hours an owner escalation may stay unacknowledged before leadership is told.' })
  escalateAfterHours: number;

  @Field(() => Int, { description: 'Minutes before a task is due that its owner is reminded.' })
  taskReminderMinutes: number;

  @Field()
  updatedAt: Date;

  static from(e: SlaSettingsEntity): SlaSettingsModel {
    const hours: Record<CrisisSeverity, number> = {
      [CrisisSeverity.MINOR]: e.goldenHoursMinor,
      [CrisisSeverity.MODERATE]: e.goldenHoursModerate,
      [CrisisSeverity.SEVERE]: e.goldenHoursSevere,
      [CrisisSeverity.CRITICAL]: e.goldenHoursCritical,
    };
    return Object.assign(new SlaSettingsModel(), {
      goldenHours: Object.values(CrisisSeverity).map((severity) => Object.assign(new GoldenHoursModel(), { severity, hours: hours[severity] })),
      goldenHoursImpacts: e.goldenHoursImpacts,
      replyWithinHours: e.replyWithinHours,
      escalateAfterHours: e.escalateAfterHours,
      taskReminderMinutes: e.taskReminderMinutes,
      updatedAt: e.updatedAt,
    });
  }
}
