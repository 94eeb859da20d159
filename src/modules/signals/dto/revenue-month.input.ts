import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, Matches, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';

/** One stakeholder's revenue for one calendar month; also one row of recordRevenueMonths. */
@InputType()
export class RevenueMonthInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;

  @Field({ description: 'The calendar month, "YYYY-MM" (or its first day, "YYYY-MM-01").' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, { message: 'month must be a calendar month such as 2026-03' })
  month: string;

  @Field(() => MoneyInput, { description: 'In the stakeholder’s baseline currency when it has one.' })
  @ValidateNested()
  @Type(() => MoneyInput)
  amount: MoneyInput;
}
