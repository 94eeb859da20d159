import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PreviousImport', { description: 'An earlier successful import of a file with the same SHA-256.' })
export class PreviousImportModel {
  @Field(() => ID)
  id: string;

  @Field()
  finishedAt: Date;

  @Field()
  byName: string;

  @Field()
  byEmail: string;
}
