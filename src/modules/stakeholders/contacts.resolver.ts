import { Args, Context, Mutation, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { UserRole } from '../users/user-role.enum';
import { ContactModel } from './contact.model';
import { ContactsService } from './contacts.service';
import { AddContactArgs } from './dto/add-contact.args';
import { UpdateContactArgs } from './dto/update-contact.args';
import { StakeholderModel } from './stakeholder.model';

@Resolver(() => ContactModel)
export class ContactsResolver {
  constructor(private readonly contacts: ContactsService) {}

  @Mutation(() => ContactModel, { description: "On a stakeholder you own (admins: any)." })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async addContact(@CurrentUser() actor: AuthUser, @Args() { stakeholderId, input }: AddContactArgs): Promise<ContactModel> {
    return ContactModel.from(await this.contacts.add(actor, stakeholderId, input));
  }

  @Mutation(() => ContactModel, { description: "On a stakeholder you own (admins: any)." })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  async updateContact(@CurrentUser() actor: AuthUser, @Args() { id, input }: UpdateContactArgs): Promise<ContactModel> {
    return ContactModel.from(await this.contacts.update(actor, id, input));
  }

  @ResolveField(() => StakeholderModel)
  async stakeholder(@Root() contact: ContactModel, @Context() ctx: GraphqlContext): Promise<StakeholderModel> {
    const stakeholder = await ctx.loaders.stakeholderById.load(contact.stakeholderId);
    // The foreign key guarantees the row; a miss means it was removed mid-request.
    if (!stakeholder) throw new Error(`Stakeholder ${contact.stakeholderId} of contact ${contact.id} vanished`);
    return StakeholderModel.from(stakeholder);
  }
}
