import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection } from '../../common/pagination/connection.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { CrisesService } from './crises.service';
import { CRISIS_PHASE_TRANSITIONS } from './crisis-phase-transitions';
import { CrisisPhaseChangeModel } from './crisis-phase-change.model';
import { CrisisPhase } from './crisis.enums';
import { CrisisConnection, CrisisModel } from './crisis.model';
import { ChangeCrisisPhaseArgs } from './dto/change-crisis-phase.args';
import { CreateCrisisInput } from './dto/create-crisis.input';
import { CrisesArgs } from './dto/crises.args';
import { UpdateCrisisArgs } from './dto/update-crisis.args';

@Resolver(() => CrisisModel)
export class CrisesResolver {
  constructor(private readonly crises: CrisesService) {}

  @Query(() => CrisisModel)
  async crisis(@Args() { id }: IdArgs): Promise<CrisisModel> {
    return CrisisModel.from(await this.crises.findById(id));
  }

  @Query(() => CrisisConnection, { name: 'crises', description: 'Newest detection first.' })
  async list(@Args() args: CrisesArgs): Promise<Connection<CrisisModel>> {
    const page = await this.crises.list(args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: CrisisModel.from(e.node) })) };
  }

  @Mutation(() => CrisisModel)
  @Roles(UserRole.ADMIN)
  async createCrisis(@CurrentUser() actor: AuthUser, @Args('input') input: CreateCrisisInput): Promise<CrisisModel> {
    return CrisisModel.from(await this.crises.create(actor, input));
  }

  @Mutation(() => CrisisModel)
  @Roles(UserRole.ADMIN)
  async updateCrisis(@CurrentUser() actor: AuthUser, @Args() { id, input }: UpdateCrisisArgs): Promise<CrisisModel> {
    return CrisisModel.from(await this.crises.update(actor, id, input));
  }

  @Mutation(() => CrisisModel, { description: 'Moves the crisis to another phase along the allowed transitions.' })
  @Roles(UserRole.ADMIN)
  async changeCrisisPhase(@CurrentUser() actor: AuthUser, @Args() args: ChangeCrisisPhaseArgs): Promise<CrisisModel> {
    return CrisisModel.from(await this.crises.changePhase(actor, args.id, args.phase, args.note ?? null));
  }

  @ResolveField(() => [CrisisPhase], { description: 'The phases this crisis may move to next.' })
  allowedNextPhases(@Root() crisis: CrisisModel): readonly CrisisPhase[] {
    return CRISIS_PHASE_TRANSITIONS[crisis.phase];
  }

  @ResolveField(() => [CrisisPhaseChangeModel], { description: 'Oldest first, starting with the phase it was recorded in.' })
  async phaseHistory(@Root() crisis: CrisisModel, @Context() ctx: GraphqlContext): Promise<CrisisPhaseChangeModel[]> {
    return (await ctx.loaders.phaseChangesByCrisisId.load(crisis.id)).map(CrisisPhaseChangeModel.from);
  }

  @ResolveField(() => UserModel, { nullable: true })
  lead(@Root() crisis: CrisisModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, crisis.leadId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  spokesperson(@Root() crisis: CrisisModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, crisis.spokespersonId);
  }
}
