import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { UpdateStakeholderInput } from './update-stakeholder.input';

@ArgsType()
export class UpdateStakeholderArgs extends IdArgs {
  @Field(() => UpdateStakeholderInput)
  @ValidateNested()
  @Type(() => UpdateStakeholderInput)
  input: UpdateStakeholderInput;
}
