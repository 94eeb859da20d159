import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { UpdateCadenceInput } from './update-cadence.input';

@ArgsType()
export class UpdateCadenceArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field(() => UpdateCadenceInput)
  @ValidateNested()
  @Type(() => UpdateCadenceInput)
  input: UpdateCadenceInput;
}
