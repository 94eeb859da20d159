import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { StakeholderKind } from '../../stakeholders/stakeholder.enums';
import { CompensationKind, CompensationStatus } from '../compensation.enums';

/** The filters shared by the compensation list and its reports. */
@ArgsType()
export class CompensationFilterArgs {
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
