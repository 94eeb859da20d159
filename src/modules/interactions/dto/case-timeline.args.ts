import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';

@ArgsType()
export class CaseTimelineArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;
}
