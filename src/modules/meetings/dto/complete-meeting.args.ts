import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class CompleteMeetingArgs extends IdArgs {
  @Field({ description: 'What was said and agreed. 1 to 20000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  outcomeSummary: string;

  @Field(() => Int, { description: 'How the stakeholder felt, from -2 (hostile) to +2 (warm).' })
  @IsInt()
  @Min(-2)
  @Max(2)
  sentiment: number;
}
