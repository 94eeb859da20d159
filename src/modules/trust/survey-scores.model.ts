import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyScores', { description: 'The latest score of each kind.' })
export class SurveyScoresModel {
  @Field(() => Int, { nullable: true })
  nps: number | null;

  @Field(() => Int, { nullable: true })
  csat: number | null;

  @Field(() => Int, { nullable: true })
  trust: number | null;
}
