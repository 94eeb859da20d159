import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { UserRole } from '../users/user-role.enum';
import { UpdateSlaSettingsInput } from './dto/update-sla-settings.input';
import { SlaSettingsModel } from './sla-settings.model';
import { SlaSettingsService } from './sla-settings.service';

@Resolver(() => SlaSettingsModel)
export class SlaSettingsResolver {
  constructor(private readonly settings: SlaSettingsService) {}

  @Query(() => SlaSettingsModel, { description: 'The SLA clocks in force.' })
  async slaSettings(): Promise<SlaSettingsModel> {
    return SlaSettingsModel.from(await this.settings.get());
  }

  @Mutation(() => SlaSettingsModel, { description: 'Changes the SLA clocks (audited). The sweep uses them from its next run.' })
  @Roles(UserRole.ADMIN)
  async updateSlaSettings(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateSlaSettingsInput): Promise<SlaSettingsModel> {
    return SlaSettingsModel.from(await this.settings.update(actor, input));
  }
}
