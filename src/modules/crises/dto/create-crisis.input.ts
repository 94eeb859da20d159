import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INITIAL_CRISIS_PHASES } from '../crisis-phase-transitions';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from '../crisis.enums';

@InputType()
export class CreateCrisisInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => CrisisCategory)
  @IsEnum(CrisisCategory)
  category: CrisisCategory;

  @Field(() => CrisisSeverity)
  @IsEnum(CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => CrisisPhase, { nullable: true, description: 'MITIGATION, PREPAREDNESS or RESPONSE (the default).' })
  @IsOptional()
  @IsIn(INITIAL_CRISIS_PHASES, { message: `phase must be one of ${INITIAL_CRISIS_PHASES.join(', ')} when a crisis is recorded` })
  phase?: CrisisPhase;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startedAt?: Date | null;

  @Field()
  @IsDate()
  detectedAt: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  firstStatementAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'leadId must be a UUID' })
  leadId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'spokespersonId must be a UUID' })
  spokespersonId?: string | null;
}
