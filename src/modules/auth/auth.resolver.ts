import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuthSessionModel } from './auth-session.model';
import { AuthService } from './auth.service';
import { LoginInput } from './dto/login.input';
import { RefreshTokenArgs } from './dto/refresh-token.args';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthSessionModel, { description: 'Sign in. Rate-limited per account and per address.' })
  @Public()
  login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext): Promise<AuthSessionModel> {
    return this.auth.login(input, ctx.req.ip);
  }

  @Mutation(() => AuthSessionModel, { description: 'Trade a refresh token for a new session; the old token stops working.' })
  @Public()
  refreshSession(@Args() { refreshToken }: RefreshTokenArgs): Promise<AuthSessionModel> {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'End the session this refresh token belongs to.' })
  logout(@Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    return UserModel.from(await this.users.findById(user.id));
  }
}
