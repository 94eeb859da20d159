import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingRescheduleEntity } from './meeting-reschedule.entity';

@ObjectType('MeetingReschedule', { description: 'One move of a meeting in time, oldest first.' })
export class MeetingRescheduleModel {
  @Field(() => ID)
  id: string;

  @Field()
  oldStartsAt: Date;

  @Field()
  oldEndsAt: Date;

  @Field()
  oldTimeZone: string;

  @Field()
  newStartsAt: Date;

  @Field()
  newEndsAt: Date;

  @Field()
  newTimeZone: string;

  @Field(() => Int, { description: 'The meeting’s SEQUENCE after this move.' })
  sequence: number;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  rescheduledAt: Date;

  rescheduledById: string;

  static from(e: MeetingRescheduleEntity): MeetingRescheduleModel {
    return Object.assign(new MeetingRescheduleModel(), {
      id: e.id,
      oldStartsAt: e.oldStartsAt,
      oldEndsAt: e.oldEndsAt,
      oldTimeZone: e.oldTimeZone,
      newStartsAt: e.newStartsAt,
      newEndsAt: e.newEndsAt,
      newTimeZone: e.newTimeZone,
      sequence: e.sequence,
      reason: e.reason,
      rescheduledAt: e.rescheduledAt,
      rescheduledById: e.rescheduledById,
    });
  }
}
