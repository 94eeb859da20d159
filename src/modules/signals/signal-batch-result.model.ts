import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SignalRowResultModel } from './signal-row-result.model';

@ObjectType('SignalBatchResult', { description: 'One result per input row, in input order.' })
export class SignalBatchResultModel {
  @Field({ description: 'Whether the good rows were written: false when any row was rejected and acceptPartial was false.' })
  committed: boolean;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => [SignalRowResultModel])
  rows: SignalRowResultModel[];
}
