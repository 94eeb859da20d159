import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { UserRole } from '../users/user-role.enum';
import { UserModel } from '../users/user.model';
import { CommitmentKpiMeasurementEntity } from './commitment-kpi-measurement.entity';
import { CommitmentKpiModel } from './commitment-kpi.model';
import { CommitmentModel } from './commitment.model';
import { CommitmentStatus } from './commitment.enums';
import { CommitmentQueriesService } from './commitment-queries.service';
import { CommitmentsService } from './commitments.service';
import { AddCommitmentInput } from './dto/add-commitment.input';
import { PromiseKeptRateArgs } from './dto/promise-kept-rate.args';
import { RecordKpiMeasurementArgs } from './dto/record-kpi-measurement.args';
import { StakeholderIdArgs } from './dto/stakeholder-id.args';
import { ResolveCommitmentArgs } from './dto/resolve-commitment.args';
import { KpiMeasurementModel, trimDecimal } from './kpi-measurement.model';
import { PromiseKeptRateModel } from './promise-kept-rate.model';
import { RecoveryPlanModel } from './recovery-plan.model';

const EDITORS = [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN];
const measurementLoaders = new WeakMap<GraphqlContext, DataLoader<string, CommitmentKpiMeasurementEntity[]>>();

@Resolver(() => CommitmentModel)
export class CommitmentsResolver {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly queries: CommitmentQueriesService,
  ) {}

  @Query(() => CommitmentModel)
  async commitment(@Args() { id }: IdArgs): Promise<CommitmentModel> {
    return CommitmentModel.from(await this.queries.findById(id));
  }

  @Query(() => RecoveryPlanModel)
  async recoveryPlan(@Args() { stakeholderId }: StakeholderIdArgs): Promise<RecoveryPlanModel> {
    return this.plan(stakeholderId);
  }

  @Query(() => PromiseKeptRateModel, { description: 'Give exactly one of caseId, stakeholderId or crisisId.' })
  promiseKeptRate(@Args() args: PromiseKeptRateArgs): Promise<PromiseKeptRateModel> {
    return this.queries.promiseKeptRate(args);
  }

  @Query(() => [CommitmentModel], { description: 'Your own commitments whose due date has passed and that are still OPEN.' })
  async myOverdueCommitments(@CurrentUser() actor: AuthUser): Promise<CommitmentModel[]> {
    return (await this.queries.overdueOwnedBy(actor.id)).map(CommitmentModel.from);
  }

  @Mutation(() => CommitmentModel, { description: 'From a meeting, or added to a case directly.' })
  @Roles(...EDITORS)
  async addCommitment(@CurrentUser() actor: AuthUser, @Args('input') input: AddCommitmentInput): Promise<CommitmentModel> {
    return CommitmentModel.from(await this.commitments.add(actor, input));
  }

  @Mutation(() => CommitmentModel, { description: 'OPEN to DONE or DROPPED, once: by our owner of it, whoever recorded it, leadership or an admin.' })
  @Roles(...EDITORS)
  async resolveCommitment(@CurrentUser() actor: AuthUser, @Args() { id, status, note, resolvedAt }: ResolveCommitmentArgs): Promise<CommitmentModel> {
    return CommitmentModel.from(await this.commitments.resolve(actor, id, status, note ?? null, resolvedAt ?? null));
  }

  @Mutation(() => CommitmentModel, { description: 'A measured value of the commitment’s KPI; same people as resolveCommitment.' })
  @Roles(...EDITORS)
  async recordKpiMeasurement(@CurrentUser() actor: AuthUser, @Args() args: RecordKpiMeasurementArgs): Promise<CommitmentModel> {
    return CommitmentModel.from(await this.commitments.recordMeasurement(actor, args));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who promised, for OURS.' })
  async ownerUser(@Root() c: CommitmentModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!c.ownerUserId) return null;
    const user = await ctx.loaders.userById.load(c.ownerUserId);
    return user ? UserModel.from(user) : null;
  }

  @ResolveField(() => CommitmentKpiModel, { nullable: true })
  async kpi(@Root() c: CommitmentModel, @Context() ctx: GraphqlContext): Promise<CommitmentKpiModel | null> {
    if (!c.kpiName || c.kpiTarget === null) return null;
    let loader = measurementLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const map = await this.queries.measurementsOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      });
      measurementLoaders.set(ctx, loader);
    }
    const measurements = await loader.load(c.id);
    return { name: c.kpiName, target: trimDecimal(c.kpiTarget), unit: c.kpiUnit, measurements: measurements.map(KpiMeasurementModel.from) };
  }

  private async plan(stakeholderId: string): Promise<RecoveryPlanModel> {
    const all = (await this.queries.listForStakeholder(stakeholderId)).map(CommitmentModel.from);
    return {
      stakeholderId,
      open: all.filter((c) => c.status === CommitmentStatus.OPEN),
      done: all.filter((c) => c.status === CommitmentStatus.DONE),
      dropped: all.filter((c) => c.status === CommitmentStatus.DROPPED),
      promiseKeptRate: await this.queries.promiseKeptRate({ stakeholderId }),
    };
  }
}
