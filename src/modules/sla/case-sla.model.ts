import { Field, ObjectType } from '@nestjs/graphql';
import { SlaClockModel } from './sla-clock.model';

@ObjectType('CaseSla', { description: "A case's SLA clocks." })
export class CaseSlaModel {
  @Field(() => SlaClockModel, { description: 'First outbound contact within the golden hours of the case being opened.' })
  goldenHours: SlaClockModel;

  @Field(() => SlaClockModel, {
    description:
      'Every message answered: the oldest unanswered inbound message, else the latest answered one; NOT_REQUIRED when none came in.',
  })
  reply: SlaClockModel;
}
