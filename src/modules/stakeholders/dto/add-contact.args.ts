import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CreateContactInput } from './create-contact.input';

@ArgsType()
export class AddContactArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;

  @Field(() => CreateContactInput)
  @ValidateNested()
  @Type(() => CreateContactInput)
  input: CreateContactInput;
}
