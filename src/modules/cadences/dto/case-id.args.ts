import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CaseIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;
}
