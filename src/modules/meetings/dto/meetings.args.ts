import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { MeetingStatus } from '../meeting.enums';

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Meetings this user attends (organisers attend their own).' })
  @IsOptional()
  @IsUUID('all', { message: 'attendeeId must be a UUID' })
  attendeeId?: string | null;

  @Field(() => [MeetingStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(MeetingStatus, { each: true })
  status?: MeetingStatus[] | null;
}
