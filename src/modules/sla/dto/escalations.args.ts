import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';

@ArgsType()
export class EscalationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this case.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open ones; false: only acknowledged or resolved ones.' })
  @IsOptional()
  @IsBoolean()
  open?: boolean | null;
}
