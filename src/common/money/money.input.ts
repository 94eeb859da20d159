import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { BigIntScalar } from './big-int.scalar';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => BigIntScalar, { description: 'Minor units, zero or more.' })
  @Matches(/^\d+$/, { message: 'amountMinor must not be negative' })
  amountMinor: string;

  @Field({ description: 'ISO 4217 code, e.g. "EUR"; stored in upper case.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR or USD' })
  currency: string;
}
