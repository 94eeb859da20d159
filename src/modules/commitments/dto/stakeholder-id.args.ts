import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class StakeholderIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;
}
