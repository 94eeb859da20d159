import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class ReassignCaseArgs extends IdArgs {
  @Field(() => ID, { description: 'An active AGENT for a customer case, an active PARTNER_MANAGER for a partner case.' })
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId: string;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit trail. Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}
