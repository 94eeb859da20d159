import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CompensationModel } from './compensation.model';

/** Adds a case's compensation to RecoveryCase from this module, batched across a page of cases. */
@Resolver(() => RecoveryCaseModel)
export class CaseCompensationResolver {
  @ResolveField(() => [CompensationModel], { description: 'All compensation of the case, oldest proposal first.' })
  async compensations(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<CompensationModel[]> {
    return (await ctx.loaders.compensationsByCaseId.load(c.id)).map((e) => CompensationModel.from(e));
  }
}
