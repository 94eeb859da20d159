import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';

@ObjectType('CompensationBudget', {
  description:
    'A crisis\'s compensation budget and its use in one currency. There is a row for each currency with a budget or with approved or issued compensation.',
})
export class CompensationBudgetModel {
  @Field(() => ID)
  crisisId: string;

  @Field()
  currency: string;

  @Field(() => MoneyModel, { nullable: true, description: 'Null when no budget was set in this currency.' })
  budget: MoneyModel | null;

  @Field(() => MoneyModel, { description: 'Approved, not yet issued.' })
  committed: MoneyModel;

  @Field(() => MoneyModel, { description: 'Issued and kept (ISSUED, ACCEPTED); a DECLINED compensation no longer uses the budget.' })
  issued: MoneyModel;

  @Field(() => MoneyModel, { nullable: true, description: 'budget − committed − issued; negative when overspent; null without a budget.' })
  remaining: MoneyModel | null;

  @Field(() => Date, { nullable: true })
  setAt: Date | null;

  setById: string | null;
}
