import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { StakeholderKind, StakeholderTier } from '../stakeholder.enums';
import { IsCalendarDate, Trim } from './input-decorators';
import { STAKEHOLDER_LIMITS } from '../stakeholder-field-rules';

@InputType()
export class CreateStakeholderInput {
  @Field(() => StakeholderKind, { description: 'Cannot change later.' })
  @IsEnum(StakeholderKind)
  kind: StakeholderKind;

  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(STAKEHOLDER_LIMITS.name)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'segment must not be empty; leave it out instead' })
  @MaxLength(STAKEHOLDER_LIMITS.segment)
  segment?: string | null;

  @Field(() => StakeholderTier, { defaultValue: StakeholderTier.STANDARD })
  @IsEnum(StakeholderTier)
  tier: StakeholderTier = StakeholderTier.STANDARD;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'region must not be empty; leave it out instead' })
  @MaxLength(STAKEHOLDER_LIMITS.region)
  region?: string | null;

  @Field({ defaultValue: 'UTC', description: 'IANA time zone, e.g. "Europe/Berlin".' })
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.timeZone)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone: string = 'UTC';

  @Field(() => ID, {
    nullable: true,
    description: 'Admins only. Others become the owner themselves when their role may own this kind.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: "The record's id in the main CRM; unique." })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'externalRef must not be empty; leave it out instead' })
  @MaxLength(STAKEHOLDER_LIMITS.externalRef)
  externalRef?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  doNotContact: boolean = false;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  baselineMonthlyRevenue?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'Partners only.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'contractReference must not be empty; leave it out instead' })
  @MaxLength(STAKEHOLDER_LIMITS.contractReference)
  contractReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  contractStartDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Partners only; YYYY-MM-DD, not before the start.' })
  @IsOptional()
  @IsCalendarDate()
  contractEndDate?: string | null;
}
