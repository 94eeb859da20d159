import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { CompensationKind } from '../compensation.enums';

@InputType({ description: 'Give the fields of the chosen kind only.' })
export class ProposeCompensationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => CompensationKind)
  @IsEnum(CompensationKind)
  kind: CompensationKind;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "More than zero, in the case's loss currency. Every kind but CONTRACT_EXTENSION (computed from the partner's baseline).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  value?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'REFUND: the order or payment it refunds.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  refundReference?: string | null;

  @Field(() => Int, { nullable: true, description: 'COUPON: a percentage 1–100; without it the coupon is worth its value.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'couponPercent must be between 1 and 100' })
  @Max(100, { message: 'couponPercent must be between 1 and 100' })
  couponPercent?: number | null;

  @Field(() => String, { nullable: true, description: 'COUPON: the last day it can be used (YYYY-MM-DD), after today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'couponExpiresOn must be a date like 2027-01-31' })
  @IsISO8601({ strict: true }, { message: 'couponExpiresOn must be a real calendar date' })
  couponExpiresOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'CONTRACT_EXTENSION: months, 1 to 36.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'extensionMonths must be between 1 and 36' })
  @Max(36, { message: 'extensionMonths must be between 1 and 36' })
  extensionMonths?: number | null;

  @Field(() => String, { nullable: true, description: 'CUSTOM (required): what it is. Any kind: a note. Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}
