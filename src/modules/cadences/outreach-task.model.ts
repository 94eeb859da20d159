import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { OutreachAction, OutreachTaskStatus } from './outreach.enums';
import { OutreachTaskEntity } from './outreach-task.entity';

@ObjectType('OutreachTask', { description: 'One step of an enrolment for the case owner to do.' })
export class OutreachTaskModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  enrolmentId: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => Int)
  stepPosition: number;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => OutreachAction)
  action: OutreachAction;

  @Field(() => ID, { nullable: true })
  templateId: string | null;

  @Field()
  dueAt: Date;

  @Field({ description: 'Where the cadence put the task before contact fatigue moved it.' })
  originalDueAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the task was moved, when contact fatigue moved it.' })
  fatigueNote: string | null;

  @Field(() => OutreachTaskStatus)
  status: OutreachTaskStatus;

  @Field({ description: 'OPEN and due in the past.' })
  isOverdue: boolean;

  @Field(() => ID, { nullable: true, description: 'The interaction that did the task, or made it redundant.' })
  doneInteractionId: string | null;

  @Field(() => String, { nullable: true })
  skippedReason: string | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  static from(entity: OutreachTaskEntity, now: Date): OutreachTaskModel {
    return Object.assign(new OutreachTaskModel(), {
      id: entity.id,
      enrolmentId: entity.enrolmentId,
      caseId: entity.caseId,
      stepPosition: entity.stepPosition,
      channel: entity.channel,
      action: entity.action,
      templateId: entity.templateId,
      dueAt: entity.dueAt,
      originalDueAt: entity.originalDueAt,
      fatigueNote: entity.fatigueNote,
      status: entity.status,
      isOverdue: entity.status === OutreachTaskStatus.OPEN && entity.dueAt.getTime() < now.getTime(),
      doneInteractionId: entity.doneInteractionId,
      skippedReason: entity.skippedReason,
      completedAt: entity.completedAt,
    });
  }
}
