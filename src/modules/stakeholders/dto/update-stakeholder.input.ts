import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsString,
  IsTimeZone,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { StakeholderTier } from '../stakeholder.enums';
import { IsCalendarDate, OptionalButNotNull, Trim } from './input-decorators';
import { STAKEHOLDER_LIMITS } from '../stakeholder-field-rules';
import { Clearable } from '../../../common/validation/clearable.decorator';

/** Omitted fields stay as they are; nullable fields are cleared by an explicit null. The kind never changes. */
@InputType()
export class UpdateStakeholderInput {
  @Field(() => String, { nullable: true })
  @OptionalButNotNull()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(STAKEHOLDER_LIMITS.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'segment must not be empty; send null to clear it' })
  @MaxLength(STAKEHOLDER_LIMITS.segment)
  segment?: string | null;

  @Field(() => StakeholderTier, { nullable: true })
  @OptionalButNotNull()
  @IsEnum(StakeholderTier)
  tier?: StakeholderTier;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'region must not be empty; send null to clear it' })
  @MaxLength(STAKEHOLDER_LIMITS.region)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Europe/Berlin".' })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.timeZone)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Admins only (null leaves it without owner); leadership uses reassignStakeholder.',
  })
  @Clearable()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'externalRef must not be empty; send null to clear it' })
  @MaxLength(STAKEHOLDER_LIMITS.externalRef)
  externalRef?: string | null;

  @Field(() => Boolean, { nullable: true })
  @OptionalButNotNull()
  @IsBoolean()
  doNotContact?: boolean;

  @Field(() => MoneyInput, { nullable: true })
  @Clearable()
  @ValidateNested()
  @Type(() => MoneyInput)
  baselineMonthlyRevenue?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'Partners only.' })
  @Clearable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'contractReference must not be empty; send null to clear it' })
  @MaxLength(STAKEHOLDER_LIMITS.contractReference)
  contractReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; YYYY-MM-DD.' })
  @Clearable()
  @IsCalendarDate()
  contractStartDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; YYYY-MM-DD, not before the start.' })
  @Clearable()
  @IsCalendarDate()
  contractEndDate?: string | null;
}
