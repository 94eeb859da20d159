import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { MessageKind } from './message-template.enums';
import { MessageTemplateEntity } from './message-template.entity';

@ObjectType('MessageTemplate', { description: 'A statement, talking point or reply for one crisis and channel, with versions.' })
export class MessageTemplateModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  crisisId: string;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => MessageKind)
  kind: MessageKind;

  @Field()
  name: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  createdById: string;

  static from(entity: MessageTemplateEntity): MessageTemplateModel {
    return Object.assign(new MessageTemplateModel(), {
      id: entity.id,
      crisisId: entity.crisisId,
      channel: entity.channel,
      kind: entity.kind,
      name: entity.name,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      createdById: entity.createdById,
    });
  }
}

export const MessageTemplateConnection = ConnectionType(MessageTemplateModel, 'MessageTemplate');
