import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** An id and the reason a person gives for acting on it (skipping a task, stopping an enrolment). */
@ArgsType()
export class ReasonArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty: say why, for the next person reading the case' })
  @MaxLength(2000)
  reason: string;
}
