import { Args, Context, Mutation, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { VoidArgs } from '../../common/graphql/void.args';
import { MessageTemplateVersionModel } from '../messaging/message-template-version.model';
import { ContactModel } from '../stakeholders/contact.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { LogInteractionInput } from './dto/log-interaction.input';
import { InteractionModel } from './interaction.model';
import { InteractionsService } from './interactions.service';
import { InteractionVoidingService } from './interaction-voiding.service';

@Resolver(() => InteractionModel)
export class InteractionsResolver {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly voiding: InteractionVoidingService,
  ) {}

  @Mutation(() => InteractionModel, {
    description:
      'The case owner or an admin. OUTBOUND to a do-not-contact stakeholder is a CONFLICT; the first OUTBOUND contact moves an IDENTIFIED case to CONTACTED.',
  })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async logInteraction(@CurrentUser() actor: AuthUser, @Args('input') input: LogInteractionInput): Promise<InteractionModel> {
    return InteractionModel.from(await this.interactions.log(actor, input));
  }

  @Mutation(() => InteractionModel, {
    description:
      'Voids an interaction logged by mistake (on the wrong case, say), with a reason: who logged it, the case owner or an admin. It is kept and audited, and left out of every figure; tasks it settled are open again. Log it again on the right case. Voiding twice is a CONFLICT.',
  })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN)
  async voidInteraction(@CurrentUser() actor: AuthUser, @Args() { id, reason }: VoidArgs): Promise<InteractionModel> {
    return InteractionModel.from(await this.voiding.void(actor, id, reason));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who voided it.' })
  voidedBy(@Root() i: InteractionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, i.voidedById);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who logged it.' })
  actor(@Root() i: InteractionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, i.actorId);
  }

  @ResolveField(() => ContactModel, { nullable: true })
  async contact(@Root() i: InteractionModel, @Context() ctx: GraphqlContext): Promise<ContactModel | null> {
    if (!i.contactId) return null;
    const contact = await ctx.loaders.contactById.load(i.contactId);
    return contact ? ContactModel.from(contact) : null;
  }

  @ResolveField(() => MessageTemplateVersionModel, { nullable: true, description: 'The approved wording used.' })
  async templateVersion(@Root() i: InteractionModel, @Context() ctx: GraphqlContext): Promise<MessageTemplateVersionModel | null> {
    if (!i.templateVersionId) return null;
    const version = await ctx.loaders.templateVersionById.load(i.templateVersionId);
    return version ? MessageTemplateVersionModel.from(version) : null;
  }
}
