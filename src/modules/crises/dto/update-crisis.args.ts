import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { UpdateCrisisInput } from './update-crisis.input';

@ArgsType()
export class UpdateCrisisArgs extends IdArgs {
  @Field(() => UpdateCrisisInput)
  @ValidateNested()
  @Type(() => UpdateCrisisInput)
  input: UpdateCrisisInput;
}
