import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, ConnectionType } from '../../common/pagination/connection.model';
import { UserRole } from '../users/user-role.enum';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { ContactModel } from './contact.model';
import { CreateStakeholderInput } from './dto/create-stakeholder.input';
import { ReassignStakeholderArgs } from './dto/reassign-stakeholder.args';
import { StakeholdersArgs } from './dto/stakeholders.args';
import { UpdateStakeholderArgs } from './dto/update-stakeholder.args';
import { StakeholderModel } from './stakeholder.model';
import { StakeholdersService } from './stakeholders.service';

const StakeholderConnection = ConnectionType(StakeholderModel, 'Stakeholder');

@Resolver(() => StakeholderModel)
export class StakeholdersResolver {
  constructor(private readonly service: StakeholdersService) {}

  @Query(() => StakeholderModel)
  async stakeholder(@Args() { id }: IdArgs): Promise<StakeholderModel> {
    return StakeholderModel.from(await this.service.findById(id));
  }

  @Query(() => StakeholderConnection, { description: 'Customers and partners by name; any signed-in user may read them.' })
  async stakeholders(@Args() args: StakeholdersArgs): Promise<Connection<StakeholderModel>> {
    const page = await this.service.list(args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: StakeholderModel.from(e.node) })) };
  }

  @Mutation(() => StakeholderModel, {
    description: 'Agents create customers, partner managers partners (and own them); admins create either.',
  })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async createStakeholder(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateStakeholderInput,
  ): Promise<StakeholderModel> {
    return StakeholderModel.from(await this.service.create(actor, input));
  }

  @Mutation(() => StakeholderModel, { description: 'Owners edit their own stakeholders; admins edit any.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async updateStakeholder(
    @CurrentUser() actor: AuthUser,
    @Args() { id, input }: UpdateStakeholderArgs,
  ): Promise<StakeholderModel> {
    return StakeholderModel.from(await this.service.update(actor, id, input));
  }

  @Mutation(() => StakeholderModel, { description: 'Hands a stakeholder to another owner of the right role.' })
  @Roles(UserRole.LEADERSHIP, UserRole.ADMIN)
  async reassignStakeholder(
    @CurrentUser() actor: AuthUser,
    @Args() { id, ownerId }: ReassignStakeholderArgs,
  ): Promise<StakeholderModel> {
    return StakeholderModel.from(await this.service.reassign(actor, id, ownerId));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async owner(@Root() stakeholder: StakeholderModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, stakeholder.ownerId);
  }

  @ResolveField(() => [ContactModel], { description: 'By name.' })
  async contacts(@Root() stakeholder: StakeholderModel, @Context() ctx: GraphqlContext): Promise<ContactModel[]> {
    const contacts = await ctx.loaders.contactsByStakeholderId.load(stakeholder.id);
    return contacts.map((c) => ContactModel.from(c));
  }
}
