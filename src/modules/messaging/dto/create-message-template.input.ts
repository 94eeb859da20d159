import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ContactChannel } from '../../stakeholders/stakeholder.enums';
import { MessageKind } from '../message-template.enums';
import { TEMPLATE_BODY_MAX, TEMPLATE_SUBJECT_MAX } from './template-version-content.input';

@InputType({ description: 'A new template with its first version as a DRAFT.' })
export class CreateMessageTemplateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field(() => MessageKind)
  @IsEnum(MessageKind)
  kind: MessageKind;

  @Field({ description: 'Unique per crisis and channel; up to 200 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: `Up to ${TEMPLATE_SUBJECT_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(TEMPLATE_SUBJECT_MAX)
  subject?: string | null;

  @Field({ description: `Up to ${TEMPLATE_BODY_MAX} characters, with placeholders such as {{contact.name}}.` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_BODY_MAX)
  body: string;
}
