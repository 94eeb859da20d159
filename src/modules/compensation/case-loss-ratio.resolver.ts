import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CompensationBudgetService } from './compensation-budget.service';
import { CompensationLossRatioModel } from './compensation-loss-ratio.model';
import { CompensationReportingService } from './compensation-reporting.service';
import { reportingLoaders } from './reporting-loaders';
import { toLossRatio } from './reporting-mappers';

/** Adds the loss ratio to RecoveryCase, one query for a whole page of cases. */
@Resolver(() => RecoveryCaseModel)
export class CaseLossRatioResolver {
  constructor(
    private readonly reporting: CompensationReportingService,
    private readonly budgets: CompensationBudgetService,
  ) {}

  @ResolveField(() => CompensationLossRatioModel, {
    description: "Retained issued compensation (ISSUED, ACCEPTED) against the case's estimated loss, in the case's currency.",
  })
  async compensationLossRatio(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<CompensationLossRatioModel> {
    const row = await reportingLoaders(ctx, this.reporting, this.budgets).lossRatioByCaseId.load(c.id);
    if (!row) throw new Error(`case ${c.id} is missing`);
    return toLossRatio(new CompensationLossRatioModel(), row);
  }
}
