import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportColumnMapping')
export class ImportColumnMappingModel {
  @Field({ description: 'The header as written in the file.' })
  header: string;

  @Field(() => String, { nullable: true, description: 'The column it feeds; null when ignored.' })
  column: string | null;
}
