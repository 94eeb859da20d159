import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection } from '../../common/pagination/connection.model';
import { CrisisModel } from '../crises/crisis.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { CreateMessageTemplateInput } from './dto/create-message-template.input';
import { MessageTemplatesArgs } from './dto/message-templates.args';
import { RenderTemplateArgs } from './dto/render-template.args';
import { TemplateVersionContentArgs } from './dto/template-version-content.args';
import { TemplateVersionStatus } from './message-template.enums';
import { MessageTemplateConnection, MessageTemplateModel } from './message-template.model';
import { MessageTemplateVersionModel } from './message-template-version.model';
import { MessageTemplatesService } from './message-templates.service';
import { RenderedMessageModel } from './rendered-message.model';
import { TemplateRenderingService } from './template-rendering.service';

/** Who drafts wording; approving is narrower (see MessageTemplateVersionsResolver). */
const DRAFTERS = [UserRole.COMMS, UserRole.LEADERSHIP, UserRole.ADMIN];

@Resolver(() => MessageTemplateModel)
export class MessageTemplatesResolver {
  constructor(
    private readonly templates: MessageTemplatesService,
    private readonly rendering: TemplateRenderingService,
  ) {}

  @Query(() => MessageTemplateModel)
  async messageTemplate(@Args() { id }: IdArgs): Promise<MessageTemplateModel> {
    return MessageTemplateModel.from(await this.templates.findTemplate(id));
  }

  @Query(() => MessageTemplateConnection, { description: "A crisis's templates by name." })
  async messageTemplates(@Args() args: MessageTemplatesArgs): Promise<Connection<MessageTemplateModel>> {
    const page = await this.templates.list(args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: MessageTemplateModel.from(e.node) })) };
  }

  @Query(() => RenderedMessageModel, {
    description: 'Fills a version in for a case (and contact). A placeholder without a value is a BAD_USER_INPUT naming it.',
  })
  renderTemplate(@CurrentUser() actor: AuthUser, @Args() args: RenderTemplateArgs): Promise<RenderedMessageModel> {
    return this.rendering.render(actor, args);
  }

  @Mutation(() => MessageTemplateModel, { description: 'A new template with version 1 as a DRAFT. COMMS, LEADERSHIP or ADMIN.' })
  @Roles(...DRAFTERS)
  async createMessageTemplate(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateMessageTemplateInput,
  ): Promise<MessageTemplateModel> {
    return MessageTemplateModel.from(await this.templates.create(actor, input));
  }

  @Mutation(() => MessageTemplateVersionModel, { description: 'A new DRAFT version of template `id`. COMMS, LEADERSHIP or ADMIN.' })
  @Roles(...DRAFTERS)
  async draftTemplateVersion(
    @CurrentUser() actor: AuthUser,
    @Args() { id, input }: TemplateVersionContentArgs,
  ): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.templates.draftVersion(actor, id, input));
  }

  @Mutation(() => MessageTemplateVersionModel, { description: 'Changes DRAFT version `id`; only its author.' })
  @Roles(...DRAFTERS)
  async editTemplateDraft(
    @CurrentUser() actor: AuthUser,
    @Args() { id, input }: TemplateVersionContentArgs,
  ): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.templates.editDraft(actor, id, input));
  }

  @ResolveField(() => [MessageTemplateVersionModel], { description: 'Newest first.' })
  async versions(@Root() t: MessageTemplateModel, @Context() ctx: GraphqlContext): Promise<MessageTemplateVersionModel[]> {
    return (await ctx.loaders.templateVersionsByTemplateId.load(t.id)).map((v) => MessageTemplateVersionModel.from(v));
  }

  @ResolveField(() => MessageTemplateVersionModel, { nullable: true, description: 'The version agents use now.' })
  async approvedVersion(@Root() t: MessageTemplateModel, @Context() ctx: GraphqlContext): Promise<MessageTemplateVersionModel | null> {
    const versions = await ctx.loaders.templateVersionsByTemplateId.load(t.id);
    const approved = versions.find((v) => v.status === TemplateVersionStatus.APPROVED);
    return approved ? MessageTemplateVersionModel.from(approved) : null;
  }

  @ResolveField(() => CrisisModel)
  async crisis(@Root() t: MessageTemplateModel, @Context() ctx: GraphqlContext): Promise<CrisisModel> {
    const crisis = await ctx.loaders.crisisById.load(t.crisisId);
    if (!crisis) throw new Error(`crisis ${t.crisisId} of template ${t.id} is missing`);
    return CrisisModel.from(crisis);
  }

  @ResolveField(() => UserModel, { nullable: true })
  createdBy(@Root() t: MessageTemplateModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, t.createdById);
  }
}
