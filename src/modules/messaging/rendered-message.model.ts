import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '../stakeholders/stakeholder.enums';

@ObjectType('RenderedMessage', { description: 'A template version filled in for one case and contact, ready to send.' })
export class RenderedMessageModel {
  @Field(() => ID)
  templateVersionId: string;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field({ description: 'HTML-escaped values for EMAIL, plain text for every other channel.' })
  body: string;
}
