import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../stakeholders/dto/input-decorators';
import { CommitmentParty } from '../commitment.enums';
import { KpiInput } from './kpi.input';

@InputType({ description: 'Give meetingId (the commitment inherits its case), caseId, or both for the same stakeholder.' })
export class AddCommitmentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a UUID' })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field({ description: 'What was promised; up to 2000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;

  @Field(() => CommitmentParty)
  @IsEnum(CommitmentParty)
  party: CommitmentParty;

  @Field(() => ID, { nullable: true, description: 'Required for OURS: the user who promised.' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For THEIRS: a contact of the stakeholder.' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerContactId must be a UUID' })
  ownerContactId?: string | null;

  @Field(() => String, { nullable: true, description: 'For THEIRS without a contact: who promised, e.g. "their logistics team".' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerName?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  dueOn: string;

  @Field(() => KpiInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => KpiInput)
  kpi?: KpiInput | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was promised, if earlier than now (e.g. at a meeting entered later): not in the future. Now when not given.',
  })
  @IsOptional()
  @IsDate()
  madeAt?: Date | null;
}
