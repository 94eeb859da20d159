import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Nps', {
  description:
    "Net promoter score over the cases' latest NPS answer as of the month's end (from the snapshot): promoters answered 9 or 10, detractors 0 to 6, passives 7 or 8. Cases without an NPS answer are excluded.",
})
export class NpsModel {
  @Field(() => Int, { description: 'Cases with an NPS answer.' })
  respondents: number;

  @Field(() => Int)
  promoters: number;

  @Field(() => Int)
  passives: number;

  @Field(() => Int)
  detractors: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '% promoters − % detractors, from −100 to 100: (promoters − detractors) × 100 ÷ respondents, rounded to one decimal half away from zero (as the trust index rounds it). Null when there are no respondents.',
  })
  score: number | null;
}
