import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Share', {
  description:
    'A ratio of two counts. Which records make up the numerator and the denominator is said on the field that returns it.',
})
export class ShareModel {
  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Int, {
    nullable: true,
    description: 'numerator ÷ denominator in basis points (10000 = 100%), rounded down; null when the denominator is 0.',
  })
  basisPoints: number | null;

  static of(numerator: number, denominator: number): ShareModel {
    return Object.assign(new ShareModel(), { numerator, denominator, basisPoints: shareBasisPoints(numerator, denominator) });
  }
}

/** Exact: integer counts, floor division (both non-negative). */
export function shareBasisPoints(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.floor((numerator * 10_000) / denominator) : null;
}
