import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { UserRole } from '../users/user-role.enum';
import { UpdateTrustSettingsInput } from './dto/update-trust-settings.input';
import { TrustSettingsModel } from './trust-settings.model';
import { TrustSettingsService } from './trust-settings.service';

@Resolver(() => TrustSettingsModel)
export class TrustSettingsResolver {
  constructor(private readonly settings: TrustSettingsService) {}

  @Query(() => TrustSettingsModel, { description: 'The trust-index weights and band thresholds in force.' })
  async trustSettings(): Promise<TrustSettingsModel> {
    return TrustSettingsModel.from(await this.settings.get());
  }

  @Mutation(() => TrustSettingsModel, { description: 'Changes the weights or thresholds (audited). Snapshots use them from their next refresh.' })
  @Roles(UserRole.ADMIN)
  async updateTrustSettings(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateTrustSettingsInput): Promise<TrustSettingsModel> {
    return TrustSettingsModel.from(await this.settings.update(actor, input));
  }
}
