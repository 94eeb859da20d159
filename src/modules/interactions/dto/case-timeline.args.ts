import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';

@ArgsType()
export class CaseTimelineArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Also show voided interactions (marked VOIDED, with the reason); hidden by default.' })
  @IsBoolean()
  includeVoided: boolean = false;
}
