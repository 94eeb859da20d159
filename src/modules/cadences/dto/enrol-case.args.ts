import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class EnrolCaseArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the matrix entry for the crisis severity and case impact.' })
  @IsOptional()
  @IsUUID('all', { message: 'cadenceId must be a UUID' })
  cadenceId?: string | null;
}
