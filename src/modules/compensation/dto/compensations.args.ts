import { ArgsType, Field, ID, IntersectionType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { CompensationFilterArgs } from './compensation-filter.args';

@ArgsType()
export class CompensationsArgs extends IntersectionType(PageArgs, CompensationFilterArgs, ArgsType) {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string | null;
}
