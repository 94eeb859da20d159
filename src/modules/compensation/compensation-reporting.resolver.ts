import { Args, Query, Resolver } from '@nestjs/graphql';
import { CompensationLossRatioModel } from './compensation-loss-ratio.model';
import { CompensationReportingService } from './compensation-reporting.service';
import { CompensationTotalModel } from './compensation-total.model';
import { CompensationReportArgs } from './dto/compensation-report.args';
import { CrisisIdArgs } from './dto/crisis-id.args';
import { money, toLossRatio } from './reporting-mappers';
import { SegmentCompensationLossRatioModel } from './segment-compensation-loss-ratio.model';

/**
 * Leadership dashboards of compensation. Readable by every signed-in role, like the rest of
 * the compensation reads (COMMS reads everything; agents and partner managers see the same
 * figures their cases feed).
 */
@Resolver()
export class CompensationReportingResolver {
  constructor(private readonly reporting: CompensationReportingService) {}

  @Query(() => [CompensationTotalModel], {
    description: 'Count and value of a crisis\'s compensation by kind, status and currency (empty groups are left out); same filters as `compensations`.',
  })
  async compensationTotals(@Args() args: CompensationReportArgs): Promise<CompensationTotalModel[]> {
    return (await this.reporting.totals(args)).map((r) =>
      Object.assign(new CompensationTotalModel(), { kind: r.kind, status: r.status, count: r.count, total: money(r.total, r.currency) }),
    );
  }

  @Query(() => [CompensationLossRatioModel], { description: 'Retained issued compensation against estimated loss for the whole crisis, per currency.' })
  async compensationLossRatio(@Args() { crisisId }: CrisisIdArgs): Promise<CompensationLossRatioModel[]> {
    return (await this.reporting.lossRatios(crisisId, false)).map((r) => toLossRatio(new CompensationLossRatioModel(), r));
  }

  @Query(() => [SegmentCompensationLossRatioModel], { description: 'The loss ratio per stakeholder segment and currency; segments without one last.' })
  async compensationLossRatiosBySegment(@Args() { crisisId }: CrisisIdArgs): Promise<SegmentCompensationLossRatioModel[]> {
    return (await this.reporting.lossRatios(crisisId, true)).map((r) =>
      Object.assign(toLossRatio(new SegmentCompensationLossRatioModel(), r), { segment: r.segment }),
    );
  }
}
