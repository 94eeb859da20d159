import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DashboardFilterInput } from './dashboard-filter.input';

@ArgsType()
export class CrisisDashboardArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => DashboardFilterInput, { nullable: true, description: 'Which cases of the crisis count; all of them when left out.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DashboardFilterInput)
  filter?: DashboardFilterInput | null;
}
