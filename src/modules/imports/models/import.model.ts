import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination/connection.model';
import { BigIntScalar } from '../../../common/money/big-int.scalar';
import { ImportEntity } from '../import.entity';
import { DuplicateMode, ImportKind, ImportStatus } from '../import.enums';
import { ImportColumnMappingModel } from './import-column-mapping.model';
import { ImportDryRunModel } from './import-dry-run.model';
import { ImportProgressModel } from './import-progress.model';
import { ImportResultModel } from './import-result.model';

@ObjectType('Import', { description: 'One uploaded file and what importing it did.' })
export class ImportModel {
  @Field(() => ID)
  id: string;

  @Field(() => ImportKind)
  kind: ImportKind;

  @Field(() => ImportStatus)
  status: ImportStatus;

  @Field()
  fileName: string;

  @Field({ description: 'SHA-256 of the file, hex.' })
  fileSha256: string;

  @Field(() => BigIntScalar)
  fileSizeBytes: string;

  @Field({ description: 'The separator detected from the header line.' })
  delimiter: string;

  @Field(() => ID, { nullable: true, description: 'The crisis to open cases in.' })
  crisisId: string | null;

  @Field(() => DuplicateMode)
  duplicateMode: DuplicateMode;

  @Field(() => [ID])
  caseOwnerTeamIds: string[];

  @Field(() => ImportDryRunModel, { nullable: true })
  dryRun: ImportDryRunModel | null;

  @Field(() => ImportProgressModel)
  progress: ImportProgressModel;

  @Field(() => ImportResultModel, { nullable: true })
  result: ImportResultModel | null;

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  createdById: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  static from(e: ImportEntity): ImportModel {
    const mapping: ImportColumnMappingModel[] = e.mapping ?? [];
    return Object.assign(new ImportModel(), {
      id: e.id,
      kind: e.kind,
      status: e.status,
      fileName: e.fileName,
      fileSha256: e.fileSha256,
      fileSizeBytes: e.fileSizeBytes,
      delimiter: e.delimiter,
      crisisId: e.crisisId,
      duplicateMode: e.duplicateMode,
      caseOwnerTeamIds: e.caseOwnerTeamIds,
      dryRun: e.dryRun ? ImportDryRunModel.from(e.dryRun, mapping) : null,
      progress: { phase: e.phase, rowsDone: e.rowsDone, rowsPerSecond: e.rowsPerSecond, errorsSoFar: e.errorsSoFar, cancelRequested: e.cancelRequested },
      result: e.result ? ImportResultModel.from(e.result) : null,
      failureReason: e.failureReason,
      createdById: e.createdById,
      createdAt: e.createdAt,
      startedAt: e.startedAt,
      finishedAt: e.finishedAt,
    });
  }
}

export const ImportConnection = ConnectionType(ImportModel, 'Import');
