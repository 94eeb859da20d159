import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UserRole } from '../../modules/users/user-role.enum';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'regain:isPublic';
export const ALLOWED_ROLES = 'regain:allowedRoles';

/** Reachable without signing in (login, token refresh, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the operation; without it any signed-in user may. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The acting user, from the verified token: never from client input. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const request = GqlExecutionContext.create(context).getContext<{ req: { user?: AuthUser } }>().req;
  return request.user as AuthUser;
});
