import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class ReassignStakeholderArgs extends IdArgs {
  @Field(() => ID, { description: 'An active AGENT for a customer, an active PARTNER_MANAGER for a partner.' })
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId: string;
}
