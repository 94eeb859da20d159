import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { InteractionDirection, InteractionOutcome } from './interaction.enums';
import { InteractionEntity } from './interaction.entity';

@ObjectType('Interaction', { description: 'A logged contact with a stakeholder on a case.' })
export class InteractionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID, { nullable: true })
  contactId: string | null;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => InteractionDirection)
  direction: InteractionDirection;

  @Field()
  occurredAt: Date;

  @Field()
  summary: string;

  @Field(() => InteractionOutcome)
  outcome: InteractionOutcome;

  @Field(() => Int, { nullable: true })
  sentiment: number | null;

  @Field(() => ID, { nullable: true })
  templateVersionId: string | null;

  @Field()
  followUpNeeded: boolean;

  @Field()
  createdAt: Date;

  actorId: string;

  static from(entity: InteractionEntity): InteractionModel {
    return Object.assign(new InteractionModel(), {
      id: entity.id,
      caseId: entity.caseId,
      contactId: entity.contactId,
      channel: entity.channel,
      direction: entity.direction,
      occurredAt: entity.occurredAt,
      summary: entity.summary,
      outcome: entity.outcome,
      sentiment: entity.sentiment,
      templateVersionId: entity.templateVersionId,
      followUpNeeded: entity.followUpNeeded,
      createdAt: entity.createdAt,
      actorId: entity.actorId,
    });
  }
}
