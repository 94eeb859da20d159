import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DryRunResult } from '../import.entity';
import { ImportColumnMappingModel } from './import-column-mapping.model';
import { ImportCountModel } from './import-count.model';
import { ImportRowErrorModel } from './import-row-error.model';
import { PreviousImportModel } from './previous-import.model';

@ObjectType('ImportDryRun', { description: 'What the import would do, found without changing anything.' })
export class ImportDryRunModel {
  @Field(() => [ImportColumnMappingModel], { description: 'The mapping it used (guessed, or as edited).' })
  mapping: ImportColumnMappingModel[];

  @Field(() => [String], { description: 'Headers that feed no column; they are ignored.' })
  unknownHeaders: string[];

  @Field(() => [String], { description: 'Required columns no header feeds; the import cannot start until they are mapped.' })
  missingRequired: string[];

  @Field(() => Int)
  rowsTotal: number;

  @Field(() => Int)
  rowsRejected: number;

  @Field(() => [ImportCountModel], { description: 'Records to create, update, leave unchanged; cases to open.' })
  counts: ImportCountModel[];

  @Field(() => [ImportRowErrorModel], { description: 'The first rejected rows, by line.' })
  firstErrors: ImportRowErrorModel[];

  @Field(() => [PreviousImportModel], { description: 'This very file (same SHA-256) was imported before.' })
  previouslyImported: PreviousImportModel[];

  static from(result: DryRunResult, mapping: ImportColumnMappingModel[]): ImportDryRunModel {
    return Object.assign(new ImportDryRunModel(), {
      ...result,
      mapping,
      counts: ImportCountModel.list(result.counts),
      previouslyImported: (result.previouslyImported ?? []).map((p) => ({ ...p, finishedAt: new Date(p.finishedAt) })),
    });
  }
}
