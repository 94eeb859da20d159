import { Field, ObjectType } from '@nestjs/graphql';
import { SlaClock, SlaState } from '../outreach/sla-clock';
import './sla.enums';

@ObjectType('SlaClock', { description: 'One SLA obligation: whether it is pending, met or breached, and when.' })
export class SlaClockModel {
  @Field(() => SlaState)
  state: SlaState;

  @Field(() => Date, { nullable: true, description: 'When the clock started (case opened, or the inbound message).' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was fulfilled, on time or late.' })
  fulfilledAt: Date | null;

  static from(clock: SlaClock): SlaClockModel {
    return Object.assign(new SlaClockModel(), clock);
  }
}
