import { Args, Context, Mutation, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { MessageTemplateVersionModel } from '../messaging/message-template-version.model';
import { ContactModel } from '../stakeholders/contact.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { LogInteractionInput } from './dto/log-interaction.input';
import { InteractionModel } from './interaction.model';
import { InteractionsService } from './interactions.service';

@Resolver(() => InteractionModel)
export class InteractionsResolver {
  constructor(private readonly interactions: InteractionsService) {}

  @Mutation(() => InteractionModel, {
    description:
      'The case owner or an admin. OUTBOUND to a do-not-contact stakeholder is a CONFLICT; the first OUTBOUND contact moves an IDENTIFIED case to CONTACTED.',
  })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async logInteraction(@CurrentUser() actor: AuthUser, @Args('input') input: LogInteractionInput): Promise<InteractionModel> {
    return InteractionModel.from(await this.interactions.log(actor, input));
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
