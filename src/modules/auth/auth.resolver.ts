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
import { SessionService } from './session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthSessionModel, { description: 'Sign in. Failed attempts are limited per account and per address (RATE_LIMITED with retryAfterSeconds).' })
  @Public()
  login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext): Promise<AuthSessionModel> {
    return this.auth.login(input, ctx.req.ip);
  }

  @Mutation(() => AuthSessionModel, {
    description:
      'Trade a refresh token for the next one and a new access token, in the same session. A refresh token presented a second time ends its session.',
  })
  @Public()
  refreshSession(@Args() { refreshToken }: RefreshTokenArgs): Promise<AuthSessionModel> {
    return this.sessions.refresh(refreshToken);
  }

  @Mutation(() => Boolean, {
    description: "End the session this refresh token belongs to: its access tokens stop working at once, on every API process. False for an unknown token.",
  })
  logout(@Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    return this.sessions.logout(refreshToken);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    return UserModel.from(await this.users.findById(user.id));
  }
}
