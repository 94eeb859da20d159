import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { UpdateCaseInput } from './update-case.input';

@ArgsType()
export class UpdateCaseArgs extends IdArgs {
  @Field(() => UpdateCaseInput)
  @ValidateNested()
  @Type(() => UpdateCaseInput)
  input: UpdateCaseInput;
}
