import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, ConnectionType } from '../../common/pagination/connection.model';
import { CrisisModel } from '../crises/crisis.model';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { UserRole } from '../users/user-role.enum';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { CaseQueriesService } from './case-queries.service';
import { CasesService } from './cases.service';
import { ChangeCaseStatusArgs } from './dto/change-case-status.args';
import { MyCasesArgs } from './dto/my-cases.args';
import { OpenCaseInput } from './dto/open-case.input';
import { ReassignCaseArgs } from './dto/reassign-case.args';
import { RecoveryCasesArgs } from './dto/recovery-cases.args';
import { UpdateCaseArgs } from './dto/update-case.args';
import { RecoveryCaseEntity } from './recovery-case.entity';
import { RecoveryCaseModel } from './recovery-case.model';

const RecoveryCaseConnection = ConnectionType(RecoveryCaseModel, 'RecoveryCase');

function toConnection(page: Connection<RecoveryCaseEntity>): Connection<RecoveryCaseModel> {
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: RecoveryCaseModel.from(e.node) })) };
}

@Resolver(() => RecoveryCaseModel)
export class CasesResolver {
  constructor(
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
  ) {}

  @Query(() => RecoveryCaseModel)
  async recoveryCase(@Args() { id }: IdArgs): Promise<RecoveryCaseModel> {
    return RecoveryCaseModel.from(await this.queries.findById(id));
  }

  @Query(() => RecoveryCaseConnection, { description: 'Most urgent first, then oldest first.' })
  async recoveryCases(@Args() args: RecoveryCasesArgs): Promise<Connection<RecoveryCaseModel>> {
    return toConnection(await this.queries.list(args));
  }

  @Query(() => RecoveryCaseConnection, { description: 'The cases you own, most urgent first, then oldest first.' })
  async myCases(@CurrentUser() actor: AuthUser, @Args() args: MyCasesArgs): Promise<Connection<RecoveryCaseModel>> {
    return toConnection(await this.queries.listOwnedBy(actor.id, args));
  }

  @Mutation(() => RecoveryCaseModel, { description: 'At most one case per stakeholder and crisis.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async openCase(@CurrentUser() actor: AuthUser, @Args('input') input: OpenCaseInput): Promise<RecoveryCaseModel> {
    return RecoveryCaseModel.from(await this.cases.open(actor, input));
  }

  @Mutation(() => RecoveryCaseModel, { description: 'The case owner or an admin.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async updateCase(@CurrentUser() actor: AuthUser, @Args() { id, input }: UpdateCaseArgs): Promise<RecoveryCaseModel> {
    return RecoveryCaseModel.from(await this.cases.update(actor, id, input));
  }

  @Mutation(() => RecoveryCaseModel, { description: 'The case owner or an admin, along the allowed transitions only.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async changeCaseStatus(
    @CurrentUser() actor: AuthUser,
    @Args() { id, status, note, changedAt }: ChangeCaseStatusArgs,
  ): Promise<RecoveryCaseModel> {
    return RecoveryCaseModel.from(await this.cases.changeStatus(actor, id, status, note ?? null, changedAt ?? null));
  }

  @Mutation(() => RecoveryCaseModel)
  @Roles(UserRole.LEADERSHIP, UserRole.ADMIN)
  async reassignCase(@CurrentUser() actor: AuthUser, @Args() { id, ownerId, reason }: ReassignCaseArgs): Promise<RecoveryCaseModel> {
    return RecoveryCaseModel.from(await this.cases.reassign(actor, id, ownerId, reason ?? null));
  }

  @ResolveField(() => UserModel)
  async owner(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await ctx.loaders.userById.load(c.ownerId);
    if (!user) throw new Error(`owner ${c.ownerId} of case ${c.id} is missing`);
    return UserModel.from(user);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for cases opened by an import.' })
  async openedBy(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, c.openedById);
  }

  @ResolveField(() => StakeholderModel)
  async stakeholder(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<StakeholderModel> {
    const stakeholder = await ctx.loaders.stakeholderById.load(c.stakeholderId);
    if (!stakeholder) throw new Error(`stakeholder ${c.stakeholderId} of case ${c.id} is missing`);
    return StakeholderModel.from(stakeholder);
  }

  @ResolveField(() => CrisisModel)
  async crisis(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<CrisisModel> {
    const crisis = await ctx.loaders.crisisById.load(c.crisisId);
    if (!crisis) throw new Error(`crisis ${c.crisisId} of case ${c.id} is missing`);
    return CrisisModel.from(crisis);
  }
}
