import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { CrisisPhaseChangeModel } from './crisis-phase-change.model';

@Resolver(() => CrisisPhaseChangeModel)
export class CrisisPhaseChangeResolver {
  @ResolveField(() => UserModel, { nullable: true })
  async changedBy(@Root() change: CrisisPhaseChangeModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, change.changedById);
  }
}
