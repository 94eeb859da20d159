import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model';
import { NotificationKind } from './notification-kind.enum';
import { NotificationEntity } from './notification.entity';

@ObjectType('Notification', { description: 'An in-app message to one user.' })
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: 'The kind of record it is about, e.g. MESSAGE_TEMPLATE_VERSION.' })
  recordType: string | null;

  @Field(() => ID, { nullable: true })
  recordId: string | null;

  @Field(() => Date, { nullable: true, description: 'Null while unread.' })
  readAt: Date | null;

  @Field()
  createdAt: Date;

  static from(entity: NotificationEntity): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: entity.id,
      kind: entity.kind,
      title: entity.title,
      body: entity.body,
      recordType: entity.recordType,
      recordId: entity.recordId,
      readAt: entity.readAt,
      createdAt: entity.createdAt,
    });
  }
}

export const NotificationConnection = ConnectionType(NotificationModel, 'Notification');
