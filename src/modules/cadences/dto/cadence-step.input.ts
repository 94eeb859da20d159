import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ContactChannel } from '../../stakeholders/stakeholder.enums';
import { OutreachAction } from '../outreach.enums';

@InputType()
export class CadenceStepInput {
  @Field({ description: 'ISO 8601 duration from enrolment: PT4H, P1D, P1W, P1M…' })
  @IsString()
  @MaxLength(40)
  offset: string;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field(() => OutreachAction)
  @IsEnum(OutreachAction)
  action: OutreachAction;

  @Field(() => ID, { nullable: true, description: 'A message template whose APPROVED version agents send at this step.' })
  @IsOptional()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string | null;
}
