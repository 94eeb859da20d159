import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { StakeholderKind } from '../../stakeholders/stakeholder.enums';
import { CompensationKind, CompensationStatus } from '../compensation.enums';

@ArgsType()
export class CompensationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string | null;

  @Field(() => [CompensationKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(CompensationKind, { each: true })
  kind?: CompensationKind[] | null;

  @Field(() => [CompensationStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(CompensationStatus, { each: true })
  status?: CompensationStatus[] | null;

  @Field(() => StakeholderKind, { nullable: true })
  @IsOptional()
  @IsEnum(StakeholderKind)
  stakeholderKind?: StakeholderKind | null;

  @Field(() => String, { nullable: true, description: "The stakeholder's segment, exactly." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  segment?: string | null;
}
