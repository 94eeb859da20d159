import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { CasePriority, ImpactLevel } from '../case.enums';
import { CASE_DESCRIPTION_MAX } from './open-case.input';

@InputType({ description: 'Only the fields given change; none can be cleared (null is refused).' })
export class UpdateCaseInput {
  @Field(() => ImpactLevel, { nullable: true })
  @IsOptional()
  @IsEnum(ImpactLevel)
  impact?: ImpactLevel | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Amount and currency together; a change is audited.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  estimatedLoss?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_DESCRIPTION_MAX)
  description?: string | null;

  @Field(() => CasePriority, { nullable: true })
  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority | null;
}
