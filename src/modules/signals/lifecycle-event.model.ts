import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LifecycleEventKind } from './signal.enums';
import { StakeholderLifecycleEventEntity } from './stakeholder-lifecycle-event.entity';

@ObjectType('LifecycleEvent', { description: 'A churn or a renewal.' })
export class LifecycleEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => LifecycleEventKind)
  kind: LifecycleEventKind;

  @Field()
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => ID)
  recordedById: string;

  static from(e: StakeholderLifecycleEventEntity): LifecycleEventModel {
    return Object.assign(new LifecycleEventModel(), {
      id: e.id,
      stakeholderId: e.stakeholderId,
      caseId: e.caseId,
      kind: e.kind,
      occurredAt: e.occurredAt,
      note: e.note,
      recordedById: e.recordedById,
    });
  }
}
