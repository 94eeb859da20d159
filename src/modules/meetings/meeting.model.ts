import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingKind, MeetingStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';
import { MEETING_STATUS_TRANSITIONS } from './meeting-status-transitions';

@ObjectType('Meeting', { description: 'A follow-up call, review, site visit or executive visit with a stakeholder.' })
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The iCalendar UID; stable for the life of the meeting.' })
  uid: string;

  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field()
  title: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field({ description: 'The IANA time zone it is held in.' })
  timeZone: string;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  videoLink: string | null;

  @Field()
  agenda: string;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => [MeetingStatus])
  allowedNextStatuses: MeetingStatus[];

  @Field(() => Int, { description: 'The iCalendar SEQUENCE: 0 when scheduled, +1 per reschedule and on cancellation.' })
  sequence: number;

  @Field(() => String, { nullable: true, description: 'Set when COMPLETED.' })
  outcomeSummary: string | null;

  @Field(() => Int, { nullable: true, description: '-2 (hostile) to +2 (warm); set when COMPLETED.' })
  sentiment: number | null;

  @Field(() => String, { nullable: true, description: 'Set when CANCELLED.' })
  cancelReason: string | null;

  @Field(() => Date, { nullable: true })
  statusChangedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  organiserId: string;
  statusChangedById: string | null;

  static from(entity: MeetingEntity): MeetingModel {
    return Object.assign(new MeetingModel(), {
      id: entity.id,
      uid: entity.uid,
      kind: entity.kind,
      title: entity.title,
      stakeholderId: entity.stakeholderId,
      caseId: entity.caseId,
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      timeZone: entity.timeZone,
      location: entity.location,
      videoLink: entity.videoLink,
      agenda: entity.agenda,
      status: entity.status,
      allowedNextStatuses: [...MEETING_STATUS_TRANSITIONS[entity.status]],
      sequence: entity.sequence,
      outcomeSummary: entity.outcomeSummary,
      sentiment: entity.sentiment,
      cancelReason: entity.cancelReason,
      statusChangedAt: entity.statusChangedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      organiserId: entity.organiserId,
      statusChangedById: entity.statusChangedById,
    });
  }
}
