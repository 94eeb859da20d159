import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { UpdateContactInput } from './update-contact.input';

@ArgsType()
export class UpdateContactArgs extends IdArgs {
  @Field(() => UpdateContactInput)
  @ValidateNested()
  @Type(() => UpdateContactInput)
  input: UpdateContactInput;
}
