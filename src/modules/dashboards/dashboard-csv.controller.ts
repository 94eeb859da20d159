import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../common/auth/auth.decorators';
import { AppRequest } from '../../common/graphql/graphql-context';
import { AtRiskDashboardService } from './at-risk-dashboard.service';
import { CostDashboardService } from './cost-dashboard.service';
import {
  atRiskTable,
  compensationTable,
  costTable,
  CsvTable,
  DashboardCsvSection,
  recoveryCurveTable,
  responseTable,
  timeToRecoveryTable,
  toCsv,
} from './dashboard-csv';
import { HttpErrorFilter } from '../../common/errors/http-error.filter';
import { DASHBOARD_ROLES, DashboardScope } from './dashboard-scope';
import { DashboardsService } from './dashboards.service';
import { DashboardCsvParams } from './dto/dashboard-csv.params';
import { DashboardCsvQuery } from './dto/dashboard-csv.query';
import { RecoveryDashboardService } from './recovery-dashboard.service';
import { ResponseDashboardService } from './response-dashboard.service';

/**
 * GET /dashboards/:crisisId/:section.csv with the dashboard filter as query parameters. The
 * global guard checks the Bearer token and the roles here as for GraphQL; the filter below
 * answers failures as JSON with the GraphQL error codes.
 */
@Controller('dashboards')
@Roles(...DASHBOARD_ROLES)
@UseFilters(HttpErrorFilter)
export class DashboardCsvController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly responses: ResponseDashboardService,
    private readonly costs: CostDashboardService,
    private readonly recovery: RecoveryDashboardService,
    private readonly risks: AtRiskDashboardService,
  ) {}

  @Get(':crisisId/:file')
  async csv(
    @Req() request: AppRequest,
    @Param() { crisisId, file }: DashboardCsvParams,
    @Query() { first, ...filter }: DashboardCsvQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const section = file.replace(/\.csv$/, '') as DashboardCsvSection;
    const [dashboard] = await this.dashboards.open(request.user!, [crisisId], filter);
    const csv = toCsv(await this.table(section, dashboard.scope, first ?? 20));
    // Set only on success: a failure is answered as JSON by the filter.
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="crisis-${crisisId}-${section}.csv"`);
    return csv;
  }

  private async table(section: DashboardCsvSection, scope: DashboardScope, first: number): Promise<CsvTable> {
    switch (section) {
      case DashboardCsvSection.RESPONSE:
        return responseTable(await this.responses.response(scope));
      case DashboardCsvSection.COMPENSATION:
        return compensationTable(await this.costs.cost(scope));
      case DashboardCsvSection.COST:
        return costTable(await this.costs.cost(scope));
      case DashboardCsvSection.RECOVERY_CURVE:
        return recoveryCurveTable(await this.recovery.curve(scope));
      case DashboardCsvSection.TIME_TO_RECOVERY:
        return timeToRecoveryTable(await this.recovery.timeToRecovery(scope));
      case DashboardCsvSection.AT_RISK:
        return atRiskTable(await this.risks.atRisk(scope, first));
    }
  }
}
