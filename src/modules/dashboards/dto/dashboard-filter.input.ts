import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ImpactLevel } from '../../cases/case.enums';
import { StakeholderKind } from '../../stakeholders/stakeholder.enums';

/** Which cases of a crisis a dashboard counts; every given filter must hold (AND). */
@InputType('DashboardFilter')
export class DashboardFilterInput {
  @Field(() => StakeholderKind, { nullable: true })
  @IsOptional()
  @IsEnum(StakeholderKind)
  stakeholderKind?: StakeholderKind | null;

  @Field(() => String, { nullable: true, description: "The stakeholder's segment, exactly." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  segment?: string | null;

  @Field(() => String, { nullable: true, description: "The stakeholder's region, exactly." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string | null;

  @Field(() => [ImpactLevel], { nullable: true, description: "Any of these case impact levels." })
  @IsOptional()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(ImpactLevel, { each: true })
  impact?: ImpactLevel[] | null;

  @Field(() => ID, { nullable: true, description: "The case's owner (a user id)." })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;
}
