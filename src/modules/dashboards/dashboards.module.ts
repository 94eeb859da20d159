import { Module } from '@nestjs/common';
import { AtRiskDashboardService } from './at-risk-dashboard.service';
import { CostDashboardService } from './cost-dashboard.service';
import { CrisisDashboardResolver } from './crisis-dashboard.resolver';
import { DashboardCsvController } from './dashboard-csv.controller';
import { DashboardsService } from './dashboards.service';
import { RecoveryDashboardService } from './recovery-dashboard.service';
import { ResponseDashboardService } from './response-dashboard.service';

/** Recovery dashboards for leadership, admins and partner managers: GraphQL and CSV. */
@Module({
  controllers: [DashboardCsvController],
  providers: [
    DashboardsService,
    ResponseDashboardService,
    CostDashboardService,
    RecoveryDashboardService,
    AtRiskDashboardService,
    CrisisDashboardResolver,
  ],
})
export class DashboardsModule {}
