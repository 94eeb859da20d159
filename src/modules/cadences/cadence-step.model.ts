import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { CadenceStepEntity } from './cadence-step.entity';
import { OutreachAction } from './outreach.enums';

@ObjectType('CadenceStep')
export class CadenceStepModel {
  @Field(() => Int)
  position: number;

  @Field({ description: 'ISO 8601 duration from enrolment.' })
  offset: string;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => OutreachAction)
  action: OutreachAction;

  @Field(() => ID, { nullable: true })
  templateId: string | null;

  static from(entity: CadenceStepEntity): CadenceStepModel {
    return Object.assign(new CadenceStepModel(), {
      position: entity.position,
      offset: entity.offset,
      channel: entity.channel,
      action: entity.action,
      templateId: entity.templateId,
    });
  }
}
