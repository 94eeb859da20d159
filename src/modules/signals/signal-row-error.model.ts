import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SignalRowError', { description: 'What is wrong with one field of one row.' })
export class SignalRowErrorModel {
  @Field({ description: 'The input field, e.g. "score" or "caseId".' })
  field: string;

  @Field({ description: 'BAD_USER_INPUT, NOT_FOUND, FORBIDDEN or CONFLICT.' })
  code: string;

  @Field()
  message: string;
}
