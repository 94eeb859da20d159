import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsTimeZone, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class RescheduleMeetingArgs extends IdArgs {
  @Field()
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'After startsAt, at most 12 hours later.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'A new IANA time zone; the current one when omitted.' })
  @IsOptional()
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'Why; kept in the meeting’s history. Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}
