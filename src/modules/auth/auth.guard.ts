import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ALLOWED_ROLES, IS_PUBLIC } from '../../common/auth/auth.decorators';
import { AppException } from '../../common/errors/app.exception';
import { AppRequest } from '../../common/graphql/graphql-context';
import { bearerTokenOf } from './bearer-token';
import { UserRole } from '../users/user-role.enum';
import { AuthService } from './auth.service';

/**
 * Global guard: every operation needs a valid access token of an active user unless marked
 * @Public(), and a role from @Roles() where one is given.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = this.requestOf(context);
    if (!request.user) {
      const token = bearerTokenOf(request.headers.authorization);
      if (!token) throw AppException.unauthenticated('Sign in first: send Authorization: Bearer <accessToken>');
      request.user = await this.auth.authenticate(token);
    }

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw AppException.forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${request.user.role}`);
    }
    return true;
  }

  private requestOf(context: ExecutionContext): AppRequest {
    if (context.getType<string>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<{ req: AppRequest }>().req;
    }
    return context.switchToHttp().getRequest<AppRequest>();
  }
}
