import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ApprovalLimitInput } from './approval-limit.input';

@InputType({ description: 'Only the fields given change.' })
export class UpdateApprovalPolicyInput {
  @Field(() => [ApprovalLimitInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ApprovalLimitInput)
  limits?: ApprovalLimitInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Contract extensions of more months than this need LEADERSHIP (0–36).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36)
  leadershipExtensionMonthsAbove?: number | null;

  @Field(() => Int, { nullable: true, description: 'Fairness ratio in thousandths: 1500 means 1.5 × the estimated loss.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  fairnessRatioPermille?: number | null;
}
