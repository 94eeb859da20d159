import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { IdArgs } from '../../common/graphql/id.args';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { Connection } from '../../common/pagination/connection.model';
import { UserModel } from '../users/user.model';
import { EscalationsArgs } from './dto/escalations.args';
import { EscalationsService } from './escalations.service';
import { SlaEscalationConnection, SlaEscalationModel } from './sla-escalation.model';

@Resolver(() => SlaEscalationModel)
export class EscalationsResolver {
  constructor(private readonly service: EscalationsService) {}

  @Query(() => SlaEscalationConnection, {
    description: 'SLA escalations, newest first. AGENT and PARTNER_MANAGER see those of the cases they own.',
  })
  async escalations(@CurrentUser() actor: AuthUser, @Args() args: EscalationsArgs): Promise<Connection<SlaEscalationModel>> {
    const page = await this.service.list(actor, args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: SlaEscalationModel.from(e.node) })) };
  }

  @Mutation(() => SlaEscalationModel, {
    description: 'Acknowledges an escalation, which stops it going up to leadership. For the case owner, LEADERSHIP and ADMIN.',
  })
  async acknowledgeEscalation(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<SlaEscalationModel> {
    return SlaEscalationModel.from(await this.service.acknowledge(actor, id));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async acknowledgedBy(@Root() e: SlaEscalationModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!e.acknowledgedById) return null;
    const user = await ctx.loaders.userById.load(e.acknowledgedById);
    return user ? UserModel.from(user) : null;
  }
}
