import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DashboardScope } from '../dashboard-scope';

@ObjectType('CrisisDashboard', {
  description:
    'The recovery dashboards of one crisis, over the cases its filter selects (for a partner manager, always only the partners they own). Each section is computed when asked for, in one SQL statement.',
})
export class CrisisDashboardModel {
  @Field(() => ID)
  crisisId: string;

  /** Not exposed: which cases count, fixed when the dashboard was opened. */
  scope: DashboardScope;
}
