import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from '../crisis.enums';

/** Newest detection first. Every filter is optional; list filters match any of their values. */
@ArgsType()
export class CrisesArgs extends PageArgs {
  @Field(() => [CrisisPhase], { nullable: true })
  @IsOptional()
  @IsEnum(CrisisPhase, { each: true })
  phase?: CrisisPhase[];

  @Field(() => [CrisisSeverity], { nullable: true })
  @IsOptional()
  @IsEnum(CrisisSeverity, { each: true })
  severity?: CrisisSeverity[];

  @Field(() => [CrisisCategory], { nullable: true })
  @IsOptional()
  @IsEnum(CrisisCategory, { each: true })
  category?: CrisisCategory[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'leadId must be a UUID' })
  leadId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the title.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
