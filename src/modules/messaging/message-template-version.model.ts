import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TemplateVersionStatus } from './message-template.enums';
import { MessageTemplateVersionEntity } from './message-template-version.entity';
import { placeholdersOf } from './template-placeholders';
import { TEMPLATE_VERSION_TRANSITIONS } from './template-version-transitions';

@ObjectType('MessageTemplateVersion', { description: 'One wording of a template. Immutable once submitted for review.' })
export class MessageTemplateVersionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  templateId: string;

  @Field(() => Int, { description: '1, 2, 3… within the template.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'For email and letters.' })
  subject: string | null;

  @Field({ description: 'Handlebars text with placeholders such as {{contact.name}}.' })
  body: string;

  @Field(() => [String], { description: 'The placeholders the body and subject use, e.g. contact.name.' })
  placeholders: string[];

  @Field(() => TemplateVersionStatus)
  status: TemplateVersionStatus;

  @Field(() => [TemplateVersionStatus])
  allowedNextStatuses: TemplateVersionStatus[];

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  authorId: string;
  submittedById: string | null;
  approvedById: string | null;
  retiredById: string | null;

  static from(entity: MessageTemplateVersionEntity): MessageTemplateVersionModel {
    const placeholders = [...new Set([...placeholdersOf(entity.subject ?? '', 'subject'), ...placeholdersOf(entity.body)])];
    return Object.assign(new MessageTemplateVersionModel(), {
      id: entity.id,
      templateId: entity.templateId,
      version: entity.version,
      subject: entity.subject,
      body: entity.body,
      placeholders,
      status: entity.status,
      allowedNextStatuses: [...TEMPLATE_VERSION_TRANSITIONS[entity.status]],
      submittedAt: entity.submittedAt,
      approvedAt: entity.approvedAt,
      retiredAt: entity.retiredAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      authorId: entity.authorId,
      submittedById: entity.submittedById,
      approvedById: entity.approvedById,
      retiredById: entity.retiredById,
    });
  }
}
