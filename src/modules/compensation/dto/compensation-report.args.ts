import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CompensationFilterArgs } from './compensation-filter.args';

/** The filters of `compensations`, for a whole crisis. */
@ArgsType()
export class CompensationReportArgs extends CompensationFilterArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;
}
