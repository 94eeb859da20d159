import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportProgress', { description: 'Written by the worker every few thousand rows while the import runs.' })
export class ImportProgressModel {
  @Field(() => String, { nullable: true, description: 'STAGING (reading and checking rows) or MERGING.' })
  phase: string | null;

  @Field(() => Int)
  rowsDone: number;

  @Field(() => Int, { nullable: true })
  rowsPerSecond: number | null;

  @Field(() => Int)
  errorsSoFar: number;

  @Field()
  cancelRequested: boolean;
}
