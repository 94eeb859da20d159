import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ContactEntity } from './contact.entity';
import { ContactChannel } from './stakeholder.enums';

@ObjectType('Contact', { description: 'A person at a stakeholder.' })
export class ContactModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Head of Operations".' })
  title: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => ContactChannel, { nullable: true })
  preferredChannel: ContactChannel | null;

  @Field({ description: 'Executives are who our own executives meet on high-level visits.' })
  isExecutive: boolean;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(entity: ContactEntity): ContactModel {
    return Object.assign(new ContactModel(), {
      id: entity.id,
      stakeholderId: entity.stakeholderId,
      name: entity.name,
      title: entity.title,
      email: entity.email,
      phone: entity.phone,
      preferredChannel: entity.preferredChannel,
      isExecutive: entity.isExecutive,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
