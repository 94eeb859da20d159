import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SurveyKind } from '../signal.enums';

/** One survey answer; also one row of recordSurveyResponses. */
@InputType()
export class SurveyResponseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'Who answered: a contact of the case’s stakeholder.' })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId?: string | null;

  @Field(() => SurveyKind)
  @IsEnum(SurveyKind, { message: 'kind must be NPS, CSAT or TRUST' })
  kind: SurveyKind;

  @Field(() => Int, { description: 'NPS 0–10; CSAT and TRUST 1–5.' })
  @IsInt({ message: 'score must be a whole number' })
  score: number;

  @Field({ description: 'When they answered (ISO 8601); not in the future.' })
  @Type(() => Date)
  @IsDate({ message: 'respondedAt must be an ISO 8601 date-time' })
  respondedAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'comment must be at most 5000 characters' })
  comment?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'A baseline answer from before the crisis started.' })
  @IsOptional()
  @IsBoolean()
  isPreCrisis?: boolean;
}
