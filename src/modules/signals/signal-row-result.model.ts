import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SignalRowErrorModel } from './signal-row-error.model';
import { SignalRowStatus } from './signal-row-status.enum';

@ObjectType('SignalRowResult')
export class SignalRowResultModel {
  @Field(() => Int, { description: 'The row’s position in the input, from 0.' })
  index: number;

  @Field(() => SignalRowStatus)
  status: SignalRowStatus;

  @Field(() => ID, { nullable: true, description: 'The recorded signal (survey response or event); null for revenue months and rejected rows.' })
  id: string | null;

  @Field(() => [SignalRowErrorModel])
  errors: SignalRowErrorModel[];
}
