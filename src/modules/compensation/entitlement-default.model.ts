import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { ImpactLevel } from '../cases/case.enums';
import { StakeholderTier } from '../stakeholders/stakeholder.enums';
import { CompensationKind } from './compensation.enums';
import { EntitlementDefaultEntity } from './entitlement-default.entity';

@ObjectType('EntitlementDefault', { description: 'What a crisis suggests for cases of one impact level and stakeholder tier.' })
export class EntitlementDefaultModel {
  @Field(() => ID)
  crisisId: string;

  @Field(() => ImpactLevel)
  impact: ImpactLevel;

  @Field(() => StakeholderTier)
  tier: StakeholderTier;

  @Field(() => CompensationKind)
  kind: CompensationKind;

  @Field(() => MoneyModel, { nullable: true, description: 'Null for a contract extension.' })
  value: MoneyModel | null;

  @Field(() => Int, { nullable: true })
  extensionMonths: number | null;

  static from(e: EntitlementDefaultEntity): EntitlementDefaultModel {
    return Object.assign(new EntitlementDefaultModel(), {
      crisisId: e.crisisId,
      impact: e.impact,
      tier: e.tier,
      kind: e.kind,
      value: MoneyModel.of(e.valueMinor, e.currency),
      extensionMonths: e.extensionMonths,
    });
  }
}
