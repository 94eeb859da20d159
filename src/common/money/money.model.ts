import { Field, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from './big-int.scalar';

@ObjectType('Money', { description: 'An amount in integer minor units (e.g. cents) with its ISO 4217 currency.' })
export class MoneyModel {
  @Field(() => BigIntScalar, { description: 'Minor units, e.g. "1999" for 19.99 EUR.' })
  amountMinor: string;

  @Field({ description: 'ISO 4217 code, e.g. "EUR".' })
  currency: string;

  static of(amountMinor: string | null, currency: string | null): MoneyModel | null {
    if (amountMinor === null || currency === null) return null;
    return Object.assign(new MoneyModel(), { amountMinor, currency: currency.trim() });
  }
}
