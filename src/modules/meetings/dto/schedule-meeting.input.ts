import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';
import { MeetingKind } from '../meeting.enums';

export const MAX_ATTENDEES = 50;

@InputType({ description: 'You are the organiser, and an attendee.' })
export class ScheduleMeetingInput {
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field({ description: 'Up to 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId: string;

  @Field(() => ID, { nullable: true, description: 'A recovery case of that same stakeholder.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field()
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'After startsAt, at most 12 hours later.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. Europe/Berlin.' })
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone: string;

  @Field(() => String, { nullable: true, description: 'The place; a location or a videoLink (or both) is required.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'An https link to the video call.' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'videoLink must be an https URL' })
  @MaxLength(2000)
  videoLink?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 20000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  agenda?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Our other users attending (you are added yourself).' })
  @ArrayMaxSize(MAX_ATTENDEES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'attendeeUserIds must be UUIDs' })
  attendeeUserIds: string[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Contacts of the meeting’s stakeholder only.' })
  @ArrayMaxSize(MAX_ATTENDEES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'contactIds must be UUIDs' })
  contactIds: string[] = [];
}
