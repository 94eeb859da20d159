import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { CrisisPhase } from '../crisis.enums';

@ArgsType()
export class ChangeCrisisPhaseArgs extends IdArgs {
  @Field(() => CrisisPhase)
  @IsEnum(CrisisPhase)
  phase: CrisisPhase;

  @Field(() => String, { nullable: true, description: 'Why the phase changes; kept in the phase history.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
