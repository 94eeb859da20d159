import { Field, ObjectType } from '@nestjs/graphql';
import { CompensationTotalModel } from '../../compensation/compensation-total.model';
import { CostByCurrencyModel } from './cost-by-currency.model';

@ObjectType('CostDashboard', { description: 'What the recovery of the cases in scope costs, against their loss and what it retains.' })
export class CostDashboardModel {
  @Field(() => [CompensationTotalModel], {
    description: 'Compensation on cases in scope by kind, status and currency (every status, not only given); groups with no compensation are left out.',
  })
  compensationByKindAndStatus: CompensationTotalModel[];

  @Field(() => [CostByCurrencyModel], { description: 'One row per currency that has a loss, compensation given or revenue; by currency code.' })
  byCurrency: CostByCurrencyModel[];
}
