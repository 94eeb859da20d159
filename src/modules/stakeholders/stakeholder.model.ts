import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { StakeholderKind, StakeholderTier } from './stakeholder.enums';
import { StakeholderEntity } from './stakeholder.entity';

@ObjectType('Stakeholder', { description: 'A customer or partner affected by crises, with its pre-crisis baseline.' })
export class StakeholderModel {
  @Field(() => ID)
  id: string;

  @Field(() => StakeholderKind, { description: 'Fixed at creation.' })
  kind: StakeholderKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  segment: string | null;

  @Field(() => StakeholderTier)
  tier: StakeholderTier;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field({ description: 'IANA time zone, e.g. "Europe/Berlin".' })
  timeZone: string;

  /** Resolved to `owner` through the per-request user loader. */
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: "The record's id in the company's main CRM; unique." })
  externalRef: string | null;

  @Field()
  doNotContact: boolean;

  @Field(() => MoneyModel, { nullable: true, description: 'Monthly revenue before the crisis.' })
  baselineMonthlyRevenue: MoneyModel | null;

  @Field(() => String, { nullable: true, description: 'Partners only.' })
  contractReference: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; a calendar date, YYYY-MM-DD.' })
  contractStartDate: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; a calendar date, YYYY-MM-DD.' })
  contractEndDate: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(entity: StakeholderEntity): StakeholderModel {
    return Object.assign(new StakeholderModel(), {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      segment: entity.segment,
      tier: entity.tier,
      region: entity.region,
      timeZone: entity.timeZone,
      ownerId: entity.ownerId,
      externalRef: entity.externalRef,
      doNotContact: entity.doNotContact,
      baselineMonthlyRevenue: MoneyModel.of(entity.baselineMonthlyRevenueMinor, entity.baselineCurrency),
      contractReference: entity.contractReference,
      contractStartDate: entity.contractStartDate,
      contractEndDate: entity.contractEndDate,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
