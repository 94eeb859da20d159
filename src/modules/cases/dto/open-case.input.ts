import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';
import { CasePriority, ImpactLevel } from '../case.enums';

export const CASE_DESCRIPTION_MAX = 20000;

@InputType()
export class OpenCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;

  @Field(() => ImpactLevel)
  @IsEnum(ImpactLevel)
  impact: ImpactLevel;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  estimatedLoss: MoneyInput;

  @Field(() => String, { nullable: true, description: `What happened to them; up to ${CASE_DESCRIPTION_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_DESCRIPTION_MAX)
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'An active AGENT for a customer, an active PARTNER_MANAGER for a partner. Defaults to you if your role fits, else to the stakeholder’s owner.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;

  @Field(() => CasePriority, { nullable: true, description: 'NORMAL when not given.' })
  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the case was really opened, if earlier than now: not in the future, not before the crisis was detected. The golden-hours clock and the cadence start there. Now when not given.',
  })
  @IsOptional()
  @IsDate()
  openedAt?: Date | null;
}
