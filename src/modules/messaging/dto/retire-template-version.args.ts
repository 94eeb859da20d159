import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class RetireTemplateVersionArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'Why; kept in the audit trail. Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}
