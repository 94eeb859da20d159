import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { StakeholderKind } from '../../stakeholders/stakeholder.enums';
import { PageArgs } from '../../../common/pagination/page.args';
import { CaseStatus, ImpactLevel } from '../case.enums';

@ArgsType()
export class RecoveryCasesArgs extends PageArgs {
  @Field(() => [CaseStatus], { nullable: true, description: 'Any of these statuses; an empty list matches nothing.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(CaseStatus, { each: true })
  status?: CaseStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string | null;

  @Field(() => [ImpactLevel], { nullable: true, description: 'Any of these impact levels; an empty list matches nothing.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ImpactLevel, { each: true })
  impact?: ImpactLevel[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;

  @Field(() => StakeholderKind, { nullable: true })
  @IsOptional()
  @IsEnum(StakeholderKind)
  stakeholderKind?: StakeholderKind | null;
}
