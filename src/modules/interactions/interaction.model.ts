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

  @Field(() => Date, { nullable: true, description: 'Set when it was voided (logged by mistake): kept, but left out of every figure.' })
  voidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  voidReason: string | null;

  actorId: string;
  voidedById: string | null;

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
      voidedAt: entity.voidedAt ?? null,
      voidReason: entity.voidReason ?? null,
      voidedById: entity.voidedById ?? null,
    });
  }
}
