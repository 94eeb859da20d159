import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_AT_RISK = 100;

@ArgsType()
export class AtRiskArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many cases, 1 to ${MAX_AT_RISK}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_AT_RISK)
  first = 20;
}
