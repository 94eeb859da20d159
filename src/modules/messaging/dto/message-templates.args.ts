import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { ContactChannel } from '../../stakeholders/stakeholder.enums';
import { MessageKind } from '../message-template.enums';

@ArgsType()
export class MessageTemplatesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => ContactChannel, { nullable: true })
  @IsOptional()
  @IsEnum(ContactChannel)
  channel?: ContactChannel | null;

  @Field(() => MessageKind, { nullable: true })
  @IsOptional()
  @IsEnum(MessageKind)
  kind?: MessageKind | null;
}
