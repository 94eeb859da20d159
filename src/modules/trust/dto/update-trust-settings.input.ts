import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const whole = (field: string, min: number, max: number) => [
  IsOptional(),
  IsInt({ message: `${field} must be a whole number` }),
  Min(min, { message: `${field} must be at least ${min}` }),
  Max(max, { message: `${field} must be at most ${max}` }),
];

function Setting(field: string, min: number, max: number, description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { nullable: true, description: `${description} (${min}–${max}).` })(target, key);
    for (const d of whole(field, min, max)) d(target, key);
  };
}

/** Only the fields given change. Weights are relative: each counts its share of the weights in use. */
@InputType()
export class UpdateTrustSettingsInput {
  @Setting('weightSurveyTrust', 0, 100, 'Weight of the survey trust score')
  weightSurveyTrust?: number | null;

  @Setting('weightNps', 0, 100, 'Weight of NPS')
  weightNps?: number | null;

  @Setting('weightSentiment', 0, 100, 'Weight of interaction sentiment')
  weightSentiment?: number | null;

  @Setting('weightResponsiveness', 0, 100, 'Weight of outreach that reached someone')
  weightResponsiveness?: number | null;

  @Setting('weightRevenue', 0, 100, 'Weight of revenue against baseline')
  weightRevenue?: number | null;

  @Setting('weightPromises', 0, 100, 'Weight of the promise-kept rate')
  weightPromises?: number | null;

  @Setting('lookbackMonths', 1, 12, 'Calendar months of signals that count, the as-of month included')
  lookbackMonths?: number | null;

  @Setting('recentMonths', 1, 12, 'The most recent months, whose signals count recentWeight times (at most lookbackMonths)')
  recentMonths?: number | null;

  @Setting('recentWeight', 1, 10, 'How many times a recent signal counts')
  recentWeight?: number | null;

  @Setting('noContactDays', 1, 365, 'Days without contact after which "no contact" is named as a reason')
  noContactDays?: number | null;

  @Setting('overduePenaltyPoints', 0, 100, 'Index points taken off per overdue commitment or outreach task')
  overduePenaltyPoints?: number | null;

  @Setting('overduePenaltyCap', 0, 100, 'Most index points the overdue penalty takes off')
  overduePenaltyCap?: number | null;

  @Setting('recoveringMin', 1, 99, 'Lowest index that is RECOVERING')
  recoveringMin?: number | null;

  @Setting('recoveredMin', 2, 100, 'Lowest index that is RECOVERED')
  recoveredMin?: number | null;
}
