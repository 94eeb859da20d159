import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ImpactLevel } from '../../cases/case.enums';
import { CrisisSeverity } from '../../crises/crisis.enums';

@ArgsType()
export class SetCadenceMatrixEntryArgs {
  @Field(() => CrisisSeverity)
  @IsEnum(CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => ImpactLevel)
  @IsEnum(ImpactLevel)
  impact: ImpactLevel;

  @Field(() => ID, { nullable: true, description: 'null clears the entry: new cases of that kind are not enrolled.' })
  @IsOptional()
  @IsUUID('all', { message: 'cadenceId must be a UUID' })
  cadenceId?: string | null;
}
