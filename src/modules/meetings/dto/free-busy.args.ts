import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsInt, IsString, IsTimeZone, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class FreeBusyArgs {
  @Field(() => [ID], { description: '1 to 20 users.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'userIds must be UUIDs' })
  userIds: string[];

  @Field()
  @Type(() => Date)
  @IsDate()
  from: Date;

  @Field({ description: 'After from, at most 31 days later.' })
  @Type(() => Date)
  @IsDate()
  to: Date;

  @Field({ description: 'The meeting’s IANA time zone: business hours (09:00–17:00, Monday to Friday) are local to it.' })
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone: string;

  @Field(() => Int, { defaultValue: 60, description: 'Length of each suggested slot, 15 to 480 minutes.' })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes = 60;

  @Field(() => Int, { defaultValue: 5, description: 'How many slots to suggest, 1 to 20.' })
  @IsInt()
  @Min(1)
  @Max(20)
  slotCount = 5;
}
