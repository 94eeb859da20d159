import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DuplicateMode, ImportKind } from '../import.enums';

/** The options sent with an upload (multipart fields, or programmatically). */
export class CreateImportInput {
  @IsEnum(ImportKind, { message: `kind must be one of ${Object.values(ImportKind).join(', ')}` })
  kind: ImportKind = ImportKind.STAKEHOLDERS;

  @IsString()
  @MinLength(1, { message: 'the file needs a name' })
  @MaxLength(255)
  fileName: string;

  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string | null;

  @IsEnum(DuplicateMode, { message: 'duplicateMode must be SKIP or UPDATE' })
  duplicateMode: DuplicateMode = DuplicateMode.SKIP;

  /** Comma-separated in a multipart field. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : value,
  )
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'caseOwnerTeamIds must be user ids (UUIDs)' })
  caseOwnerTeamIds?: string[];
}
