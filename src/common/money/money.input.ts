import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import { BigIntScalar } from './big-int.scalar';
import { IsMoneyCurrency } from './currency-code';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => BigIntScalar, { description: 'Minor units, zero or more.' })
  @Matches(/^\d+$/, { message: 'amountMinor must not be negative' })
  amountMinor: string;

  @Field({ description: 'ISO 4217 code of a currency, e.g. "EUR" (not XXX, XTS, metals or units of account); stored in upper case.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsMoneyCurrency()
  currency: string;
}
