import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LifecycleEventKind } from '../signal.enums';

/** A churn or a renewal; also one row of recordLifecycleEvents. */
@InputType()
export class LifecycleEventInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;

  @Field(() => ID, { nullable: true, description: 'The case it belongs to; a CHURNED event moves that case to CHURNED.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field(() => LifecycleEventKind)
  @IsEnum(LifecycleEventKind, { message: 'kind must be CHURNED or RENEWED' })
  kind: LifecycleEventKind;

  @Field({ description: 'When it happened (ISO 8601); not in the future.' })
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be an ISO 8601 date-time' })
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string | null;
}
