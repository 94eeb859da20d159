import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { ImpactLevel } from '../../cases/case.enums';
import { StakeholderTier } from '../../stakeholders/stakeholder.enums';
import { CompensationKind } from '../compensation.enums';

@InputType({ description: 'What to suggest for cases of this crisis with this impact and stakeholder tier; replaces any earlier default.' })
export class SetEntitlementDefaultInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => ImpactLevel)
  @IsEnum(ImpactLevel)
  impact: ImpactLevel;

  @Field(() => StakeholderTier)
  @IsEnum(StakeholderTier)
  tier: StakeholderTier;

  @Field(() => CompensationKind)
  @IsEnum(CompensationKind)
  kind: CompensationKind;

  @Field(() => MoneyInput, { nullable: true, description: 'More than zero; every kind but CONTRACT_EXTENSION.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  value?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'CONTRACT_EXTENSION only: months, 1 to 36.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  extensionMonths?: number | null;
}
