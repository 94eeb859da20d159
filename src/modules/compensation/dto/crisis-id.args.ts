import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CrisisIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;
}
