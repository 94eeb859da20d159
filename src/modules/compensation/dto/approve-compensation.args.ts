import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class ApproveCompensationArgs extends IdArgs {
  @Field(() => String, {
    nullable: true,
    description: "Required when the case's compensation would exceed its estimated loss × the fairness ratio.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  justification?: string | null;
}
