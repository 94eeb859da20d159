import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { ImportColumnMappingInput } from './import-column-mapping.input';

@ArgsType()
export class UpdateImportMappingArgs extends IdArgs {
  @Field(() => [ImportColumnMappingInput], { description: "One entry per header of the file, in the file's order." })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ImportColumnMappingInput)
  mapping: ImportColumnMappingInput[];
}
