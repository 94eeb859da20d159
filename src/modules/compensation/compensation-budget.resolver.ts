import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { MoneyModel } from '../../common/money/money.model';
import { UserRole } from '../users/user-role.enum';
import { UserModel } from '../users/user.model';
import { CompensationBudgetModel } from './compensation-budget.model';
import { BudgetRow, CompensationBudgetService } from './compensation-budget.service';
import { CompensationBurnDownPointModel } from './compensation-burn-down-point.model';
import { CompensationReportingService } from './compensation-reporting.service';
import { BurnDownArgs } from './dto/burn-down.args';
import { CrisisIdArgs } from './dto/crisis-id.args';
import { SetCompensationBudgetArgs } from './dto/set-compensation-budget.args';
import { reportingLoaders } from './reporting-loaders';
import { money } from './reporting-mappers';

function toModel(row: BudgetRow): CompensationBudgetModel {
  return Object.assign(new CompensationBudgetModel(), {
    crisisId: row.crisisId,
    currency: row.currency.trim(),
    budget: MoneyModel.of(row.budget, row.currency),
    committed: money(row.committed, row.currency),
    issued: money(row.issued, row.currency),
    remaining: MoneyModel.of(row.remaining, row.currency),
    setAt: row.setAt,
    setById: row.setById,
  });
}

/** Reads are open to every signed-in role (leadership dashboards; COMMS reads everything); setting is LEADERSHIP or ADMIN. */
@Resolver(() => CompensationBudgetModel)
export class CompensationBudgetResolver {
  constructor(
    private readonly budgets: CompensationBudgetService,
    private readonly reporting: CompensationReportingService,
  ) {}

  @Query(() => [CompensationBudgetModel], { description: 'The crisis\'s compensation budget and its use, one row per currency.' })
  async compensationBudget(@Args() { crisisId }: CrisisIdArgs): Promise<CompensationBudgetModel[]> {
    return (await this.budgets.budgets(crisisId)).map(toModel);
  }

  @Mutation(() => CompensationBudgetModel, { description: 'Sets the budget in one currency. LEADERSHIP or ADMIN; audited on the crisis.' })
  @Roles(UserRole.LEADERSHIP, UserRole.ADMIN)
  async setCompensationBudget(@CurrentUser() actor: AuthUser, @Args() { crisisId, budget }: SetCompensationBudgetArgs): Promise<CompensationBudgetModel> {
    return toModel(await this.budgets.set(actor, crisisId, budget));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async setBy(@Root() b: CompensationBudgetModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!b.setById) return null;
    const user = await ctx.loaders.userById.load(b.setById);
    return user ? UserModel.from(user) : null;
  }

  @ResolveField(() => [CompensationBurnDownPointModel], {
    description: 'Cumulative retained issued value per period since the crisis started (UTC), for a chart against the budget.',
  })
  async burnDown(@Root() b: CompensationBudgetModel, @Args() { granularity }: BurnDownArgs, @Context() ctx: GraphqlContext): Promise<CompensationBurnDownPointModel[]> {
    const rows = await reportingLoaders(ctx, this.reporting, this.budgets).burnDown.load(`${b.crisisId}|${granularity}`);
    return rows
      .filter((r) => r.currency.trim() === b.currency)
      .map((r) =>
        Object.assign(new CompensationBurnDownPointModel(), {
          periodStart: r.periodStart,
          issuedInPeriod: money(r.issuedInPeriod, b.currency),
          issuedToDate: money(r.issuedToDate, b.currency),
        }),
      );
  }
}
