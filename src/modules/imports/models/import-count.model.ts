import { Field, Int, ObjectType } from '@nestjs/graphql';

/** One count of a dry run or a run, named by its kind's profile (e.g. stakeholdersCreated). */
@ObjectType('ImportCount')
export class ImportCountModel {
  @Field()
  name: string;

  @Field(() => Int)
  value: number;

  static list(counts: Record<string, number>): ImportCountModel[] {
    return Object.entries(counts).map(([name, value]) => Object.assign(new ImportCountModel(), { name, value }));
  }
}
