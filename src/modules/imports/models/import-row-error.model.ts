import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportRowError')
export class ImportRowErrorModel {
  @Field(() => Int, { description: 'Line in the file (the header is line 1); a multi-line row counts from its first line.' })
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field()
  reason: string;
}
