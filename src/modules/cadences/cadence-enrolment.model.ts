import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CadenceEnrolmentEntity } from './cadence-enrolment.entity';
import { EnrolmentStatus } from './outreach.enums';
import { OutreachTaskEntity } from './outreach-task.entity';
import { OutreachTaskModel } from './outreach-task.model';

@ObjectType('CadenceEnrolment', { description: 'A case following a cadence.' })
export class CadenceEnrolmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  cadenceId: string;

  @Field(() => EnrolmentStatus)
  status: EnrolmentStatus;

  @Field()
  enrolledAt: Date;

  @Field(() => Date, { nullable: true })
  pausedAt: Date | null;

  @Field(() => Date, { nullable: true })
  stoppedAt: Date | null;

  @Field(() => String, { nullable: true })
  stopReason: string | null;

  @Field(() => [OutreachTaskModel], { description: 'In step order.' })
  tasks: OutreachTaskModel[];

  static from(entity: CadenceEnrolmentEntity, tasks: OutreachTaskEntity[], now: Date): CadenceEnrolmentModel {
    return Object.assign(new CadenceEnrolmentModel(), {
      id: entity.id,
      caseId: entity.caseId,
      cadenceId: entity.cadenceId,
      status: entity.status,
      enrolledAt: entity.enrolledAt,
      pausedAt: entity.pausedAt,
      stoppedAt: entity.stoppedAt,
      stopReason: entity.stopReason,
      tasks: [...tasks].sort((a, b) => a.stepPosition - b.stepPosition).map((t) => OutreachTaskModel.from(t, now)),
    });
  }
}
