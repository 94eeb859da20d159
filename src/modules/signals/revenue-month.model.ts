import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { StakeholderRevenueMonthEntity } from './stakeholder-revenue-month.entity';

@ObjectType('RevenueMonth', { description: 'A stakeholder’s revenue for one calendar month.' })
export class RevenueMonthModel {
  @Field(() => ID)
  stakeholderId: string;

  @Field({ description: 'The first day of the month, "YYYY-MM-01".' })
  month: string;

  @Field(() => MoneyModel)
  amount: MoneyModel;

  @Field(() => ID)
  recordedById: string;

  @Field()
  updatedAt: Date;

  static from(e: StakeholderRevenueMonthEntity): RevenueMonthModel {
    return Object.assign(new RevenueMonthModel(), {
      stakeholderId: e.stakeholderId,
      month: e.month,
      amount: MoneyModel.of(e.amountMinor, e.currency),
      recordedById: e.recordedById,
      updatedAt: e.updatedAt,
    });
  }
}
