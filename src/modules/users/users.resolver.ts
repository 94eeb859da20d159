import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, ConnectionType } from '../../common/pagination/connection.model';
import { ChangeUserRoleArgs } from './dto/change-user-role.args';
import { CreateUserInput } from './dto/create-user.input';
import { UsersArgs } from './dto/users.args';
import { UserRole } from './user-role.enum';
import { UserModel } from './user.model';
import { UsersService } from './users.service';

const UserConnection = ConnectionType(UserModel, 'User');

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => UserConnection, { description: 'Users by email; any signed-in user may list them (to pick owners).' })
  async users(@Args() args: UsersArgs): Promise<Connection<UserModel>> {
    const page = await this.usersService.list(args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: UserModel.from(e.node) })) };
  }

  @Query(() => UserModel)
  async user(@Args() { id }: IdArgs): Promise<UserModel> {
    return UserModel.from(await this.usersService.findById(id));
  }

  @Mutation(() => UserModel)
  @Roles(UserRole.ADMIN)
  async createUser(@CurrentUser() actor: AuthUser, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.usersService.create(actor, input));
  }

  @Mutation(() => UserModel)
  @Roles(UserRole.ADMIN)
  async changeUserRole(@CurrentUser() actor: AuthUser, @Args() { id, role }: ChangeUserRoleArgs): Promise<UserModel> {
    return UserModel.from(await this.usersService.changeRole(actor, id, role));
  }

  @Mutation(() => UserModel, { description: 'The user can no longer sign in; open sessions end at once.' })
  @Roles(UserRole.ADMIN)
  async deactivateUser(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<UserModel> {
    return UserModel.from(await this.usersService.setActive(actor, id, false));
  }

  @Mutation(() => UserModel)
  @Roles(UserRole.ADMIN)
  async reactivateUser(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<UserModel> {
    return UserModel.from(await this.usersService.setActive(actor, id, true));
  }
}
