import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RunResult } from '../import.entity';
import { ImportCountModel } from './import-count.model';

@ObjectType('ImportResult', { description: 'What a SUCCEEDED import did.' })
export class ImportResultModel {
  @Field(() => Int)
  rowsTotal: number;

  @Field(() => Int, { description: 'Download them from GET /imports/:id/rejected.csv.' })
  rowsRejected: number;

  @Field(() => [ImportCountModel])
  counts: ImportCountModel[];

  static from(result: RunResult): ImportResultModel {
    return Object.assign(new ImportResultModel(), { ...result, counts: ImportCountModel.list(result.counts) });
  }
}
