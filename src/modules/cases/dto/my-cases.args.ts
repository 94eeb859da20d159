import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { CaseStatus } from '../case.enums';

@ArgsType()
export class MyCasesArgs extends PageArgs {
  @Field(() => [CaseStatus], { nullable: true, description: 'Any of these statuses; an empty list matches nothing.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(CaseStatus, { each: true })
  status?: CaseStatus[] | null;
}
