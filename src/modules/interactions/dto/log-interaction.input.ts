import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ContactChannel } from '../../stakeholders/stakeholder.enums';
import { InteractionDirection, InteractionOutcome } from '../interaction.enums';
import { SENTIMENT_MAX, SENTIMENT_MIN, SUMMARY_MAX } from '../interaction-rules';

@InputType()
export class LogInteractionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: "A contact person of the case's stakeholder." })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId?: string | null;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field(() => InteractionDirection, { description: 'OUTBOUND is refused for a do-not-contact stakeholder.' })
  @IsEnum(InteractionDirection)
  direction: InteractionDirection;

  @Field({ description: 'When it happened; at most 5 minutes ahead of the server clock.' })
  @IsDate()
  occurredAt: Date;

  @Field({ description: `What was said; up to ${SUMMARY_MAX} characters.` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUMMARY_MAX)
  summary: string;

  @Field(() => InteractionOutcome)
  @IsEnum(InteractionOutcome)
  outcome: InteractionOutcome;

  @Field(() => Int, { nullable: true, description: `${SENTIMENT_MIN} (hostile) to ${SENTIMENT_MAX} (warm).` })
  @IsOptional()
  @IsInt()
  @Min(SENTIMENT_MIN)
  @Max(SENTIMENT_MAX)
  sentiment?: number | null;

  @Field(() => ID, { nullable: true, description: "An APPROVED version of a template of the case's crisis." })
  @IsOptional()
  @IsUUID('all', { message: 'templateVersionId must be a UUID' })
  templateVersionId?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  followUpNeeded: boolean = false;
}
