import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, ConnectionType } from '../../common/pagination/connection.model';
import { PageArgs } from '../../common/pagination/page.args';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { UserRole } from '../users/user-role.enum';
import { UserModel } from '../users/user.model';
import { CompensationApprovalsService } from './compensation-approvals.service';
import { CompensationIssueService } from './compensation-issue.service';
import { CompensationLifecycleService } from './compensation-lifecycle.service';
import { CompensationProposalsService } from './compensation-proposals.service';
import { CompensationQueriesService } from './compensation-queries.service';
import { CompensationEntity } from './compensation.entity';
import { CompensationModel } from './compensation.model';
import { ApproveCompensationArgs } from './dto/approve-compensation.args';
import { CompensationReasonArgs } from './dto/compensation-reason.args';
import { CompensationsArgs } from './dto/compensations.args';
import { IssueCompensationArgs } from './dto/issue-compensation.args';
import { ProposeCompensationInput } from './dto/propose-compensation.input';
import { RecordCompensationResponseArgs } from './dto/record-compensation-response.args';

const CompensationConnection = ConnectionType(CompensationModel, 'Compensation');

function toConnection(page: Connection<CompensationEntity>): Connection<CompensationModel> {
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: CompensationModel.from(e.node) })) };
}

async function userOf(ctx: GraphqlContext, id: string | null): Promise<UserModel | null> {
  if (!id) return null;
  const user = await ctx.loaders.userById.load(id);
  return user ? UserModel.from(user) : null;
}

@Resolver(() => CompensationModel)
export class CompensationResolver {
  constructor(
    private readonly proposals: CompensationProposalsService,
    private readonly approvals: CompensationApprovalsService,
    private readonly lifecycle: CompensationLifecycleService,
    private readonly issuing: CompensationIssueService,
    private readonly queries: CompensationQueriesService,
  ) {}

  @Query(() => CompensationModel)
  async compensation(@Args() { id }: IdArgs): Promise<CompensationModel> {
    return CompensationModel.from(await this.queries.findById(id));
  }

  @Query(() => CompensationConnection, { description: 'Oldest proposal first; filter by case, crisis, kind, status, stakeholder kind or segment.' })
  async compensations(@Args() args: CompensationsArgs): Promise<Connection<CompensationModel>> {
    return toConnection(await this.queries.list(args));
  }

  @Query(() => CompensationConnection, { description: 'The proposals you may approve (not your own, within your limits), oldest first.' })
  @Roles(UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP)
  async compensationApprovalQueue(@CurrentUser() actor: AuthUser, @Args() page: PageArgs): Promise<Connection<CompensationModel>> {
    return toConnection(await this.queries.approvalQueue(actor, page));
  }

  @Mutation(() => CompensationModel, { description: 'By the case owner (AGENT or PARTNER_MANAGER) or an admin.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async proposeCompensation(@CurrentUser() actor: AuthUser, @Args('input') input: ProposeCompensationInput): Promise<CompensationModel> {
    return CompensationModel.from(await this.proposals.propose(actor, input));
  }

  @Mutation(() => CompensationModel, { description: 'Within the approval policy; never your own proposal.' })
  @Roles(UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP)
  async approveCompensation(@CurrentUser() actor: AuthUser, @Args() { id, justification }: ApproveCompensationArgs): Promise<CompensationModel> {
    return CompensationModel.from(await this.approvals.approve(actor, id, justification ?? null));
  }

  @Mutation(() => CompensationModel)
  @Roles(UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP)
  async rejectCompensation(@CurrentUser() actor: AuthUser, @Args() { id, reason }: CompensationReasonArgs): Promise<CompensationModel> {
    return CompensationModel.from(await this.approvals.reject(actor, id, reason));
  }

  @Mutation(() => CompensationModel, { description: 'Before issue; by the proposer, the case owner or an admin.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async cancelCompensation(@CurrentUser() actor: AuthUser, @Args() { id, reason }: CompensationReasonArgs): Promise<CompensationModel> {
    return CompensationModel.from(await this.lifecycle.cancel(actor, id, reason));
  }

  @Mutation(() => CompensationModel, { description: 'Exactly once per idempotencyKey; by the case owner or an admin.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async issueCompensation(
    @CurrentUser() actor: AuthUser,
    @Args() { id, idempotencyKey, reference }: IssueCompensationArgs,
  ): Promise<CompensationModel> {
    return CompensationModel.from(await this.issuing.issue(actor, { id, idempotencyKey, reference: reference ?? null }));
  }

  @Mutation(() => CompensationModel, { description: "The stakeholder's answer to issued compensation; by the case owner or an admin." })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async recordCompensationResponse(
    @CurrentUser() actor: AuthUser,
    @Args() { id, response, reason }: RecordCompensationResponseArgs,
  ): Promise<CompensationModel> {
    return CompensationModel.from(await this.lifecycle.recordResponse(actor, id, response, reason ?? null));
  }

  @ResolveField('case', () => RecoveryCaseModel)
  async recoveryCase(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<RecoveryCaseModel> {
    const found = await ctx.loaders.recoveryCaseById.load(c.caseId);
    if (!found) throw new Error(`case ${c.caseId} of compensation ${c.id} is missing`);
    return RecoveryCaseModel.from(found);
  }

  @ResolveField(() => UserModel)
  async proposedBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await userOf(ctx, c.proposedById);
    if (!user) throw new Error(`proposer ${c.proposedById} of compensation ${c.id} is missing`);
    return user;
  }

  @ResolveField(() => UserModel, { nullable: true })
  approvedBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return userOf(ctx, c.approvedById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  rejectedBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return userOf(ctx, c.rejectedById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  cancelledBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return userOf(ctx, c.cancelledById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  issuedBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return userOf(ctx, c.issuedById);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who recorded the acceptance or decline.' })
  respondedBy(@Root() c: CompensationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return userOf(ctx, c.respondedById);
  }
}
