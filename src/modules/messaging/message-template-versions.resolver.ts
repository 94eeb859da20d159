import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { RetireTemplateVersionArgs } from './dto/retire-template-version.args';
import { MessageTemplateModel } from './message-template.model';
import { MessageTemplateVersionModel } from './message-template-version.model';
import { MessageTemplatesService } from './message-templates.service';
import { TemplateReviewService } from './template-review.service';

@Resolver(() => MessageTemplateVersionModel)
export class MessageTemplateVersionsResolver {
  constructor(
    private readonly templates: MessageTemplatesService,
    private readonly review: TemplateReviewService,
  ) {}

  @Query(() => MessageTemplateVersionModel)
  async messageTemplateVersion(@Args() { id }: IdArgs): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.templates.findVersion(id));
  }

  @Mutation(() => MessageTemplateVersionModel, { description: 'DRAFT → IN_REVIEW, by its author. The version is immutable from then on.' })
  @Roles(UserRole.COMMS, UserRole.LEADERSHIP, UserRole.ADMIN)
  async submitTemplateVersion(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.review.submit(actor, id));
  }

  @Mutation(() => MessageTemplateVersionModel, {
    description: 'IN_REVIEW → APPROVED, by COMMS or LEADERSHIP other than the author; retires the previously approved version.',
  })
  @Roles(UserRole.COMMS, UserRole.LEADERSHIP)
  async approveTemplateVersion(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.review.approve(actor, id));
  }

  @Mutation(() => MessageTemplateVersionModel, { description: 'Withdraws a version (a rejection when IN_REVIEW). COMMS or LEADERSHIP.' })
  @Roles(UserRole.COMMS, UserRole.LEADERSHIP)
  async retireTemplateVersion(
    @CurrentUser() actor: AuthUser,
    @Args() { id, reason }: RetireTemplateVersionArgs,
  ): Promise<MessageTemplateVersionModel> {
    return MessageTemplateVersionModel.from(await this.review.retire(actor, id, reason ?? null));
  }

  @ResolveField(() => MessageTemplateModel)
  async template(@Root() v: MessageTemplateVersionModel, @Context() ctx: GraphqlContext): Promise<MessageTemplateModel> {
    const template = await ctx.loaders.messageTemplateById.load(v.templateId);
    if (!template) throw new Error(`template ${v.templateId} of version ${v.id} is missing`);
    return MessageTemplateModel.from(template);
  }

  @ResolveField(() => UserModel, { nullable: true })
  author(@Root() v: MessageTemplateVersionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, v.authorId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  submittedBy(@Root() v: MessageTemplateVersionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, v.submittedById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  approvedBy(@Root() v: MessageTemplateVersionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, v.approvedById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  retiredBy(@Root() v: MessageTemplateVersionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, v.retiredById);
  }
}
