import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class CancelMeetingArgs extends IdArgs {
  @Field({ description: 'Why; shown to attendees. 1 to 2000 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
