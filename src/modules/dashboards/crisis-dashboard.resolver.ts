import { Args, Context, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { AtRiskDashboardService } from './at-risk-dashboard.service';
import { CostDashboardService } from './cost-dashboard.service';
import { DASHBOARD_ROLES } from './dashboard-scope';
import { DashboardsService } from './dashboards.service';
import { AtRiskArgs } from './dto/at-risk.args';
import { CompareCrisesArgs } from './dto/compare-crises.args';
import { CrisisDashboardArgs } from './dto/crisis-dashboard.args';
import { AtRiskCaseModel } from './models/at-risk-case.model';
import { CostDashboardModel } from './models/cost-dashboard.model';
import { CrisisDashboardModel } from './models/crisis-dashboard.model';
import { RecoveryMonthModel } from './models/recovery-month.model';
import { ResponseDashboardModel } from './models/response-dashboard.model';
import { TimeToRecoveryModel } from './models/time-to-recovery.model';
import { RecoveryDashboardService } from './recovery-dashboard.service';
import { ResponseDashboardService } from './response-dashboard.service';

/** Leadership and admins read any crisis; partner managers only the partners they own. */
@Resolver(() => CrisisDashboardModel)
@Roles(...DASHBOARD_ROLES)
export class CrisisDashboardResolver {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly responses: ResponseDashboardService,
    private readonly costs: CostDashboardService,
    private readonly recovery: RecoveryDashboardService,
    private readonly risks: AtRiskDashboardService,
  ) {}

  @Query(() => CrisisDashboardModel, { description: 'The recovery dashboards of a crisis (LEADERSHIP, ADMIN, PARTNER_MANAGER).' })
  async crisisDashboard(@CurrentUser() actor: AuthUser, @Args() { crisisId, filter }: CrisisDashboardArgs): Promise<CrisisDashboardModel> {
    const [dashboard] = await this.dashboards.open(actor, [crisisId], filter);
    return dashboard;
  }

  @Query(() => [CrisisDashboardModel], { description: 'Two crises side by side, with the same filter, in the order given.' })
  compareCrises(@CurrentUser() actor: AuthUser, @Args() { crisisIds, filter }: CompareCrisesArgs): Promise<CrisisDashboardModel[]> {
    return this.dashboards.open(actor, crisisIds, filter);
  }

  @ResolveField(() => String)
  async crisisTitle(@Root() d: CrisisDashboardModel, @Context() ctx: GraphqlContext): Promise<string> {
    const crisis = await ctx.loaders.crisisById.load(d.crisisId);
    // open() has seen the crisis exist, and nothing deletes one.
    return crisis!.title;
  }

  @ResolveField(() => ResponseDashboardModel)
  response(@Root() d: CrisisDashboardModel): Promise<ResponseDashboardModel> {
    return this.responses.response(d.scope);
  }

  @ResolveField(() => CostDashboardModel)
  cost(@Root() d: CrisisDashboardModel): Promise<CostDashboardModel> {
    return this.costs.cost(d.scope);
  }

  @ResolveField(() => [RecoveryMonthModel], { description: 'One entry per month index that has snapshots, oldest first.' })
  recoveryCurve(@Root() d: CrisisDashboardModel): Promise<RecoveryMonthModel[]> {
    return this.recovery.curve(d.scope);
  }

  @ResolveField(() => TimeToRecoveryModel)
  timeToRecovery(@Root() d: CrisisDashboardModel): Promise<TimeToRecoveryModel> {
    return this.recovery.timeToRecovery(d.scope);
  }

  @ResolveField(() => [AtRiskCaseModel], { description: 'The open cases most at risk, lowest trust index first.' })
  atRisk(@Root() d: CrisisDashboardModel, @Args() { first }: AtRiskArgs): Promise<AtRiskCaseModel[]> {
    return this.risks.atRisk(d.scope, first);
  }
}
