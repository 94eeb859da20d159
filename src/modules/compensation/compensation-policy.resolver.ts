import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { UserRole } from '../users/user-role.enum';
import { ApprovalPolicyModel } from './approval-policy.model';
import { ApprovalPolicyService } from './approval-policy.service';
import { CaseIdArgs } from './dto/case-id.args';
import { SetEntitlementDefaultInput } from './dto/set-entitlement-default.input';
import { UpdateApprovalPolicyInput } from './dto/update-approval-policy.input';
import { EntitlementDefaultModel } from './entitlement-default.model';
import { EntitlementsService } from './entitlements.service';
import { SuggestedCompensationModel } from './suggested-compensation.model';

@Resolver()
export class CompensationPolicyResolver {
  constructor(
    private readonly policies: ApprovalPolicyService,
    private readonly entitlements: EntitlementsService,
  ) {}

  @Query(() => ApprovalPolicyModel)
  async approvalPolicy(): Promise<ApprovalPolicyModel> {
    return ApprovalPolicyModel.from(await this.policies.load());
  }

  @Mutation(() => ApprovalPolicyModel, { description: 'Audited. Limits given are set per role and currency; others stay.' })
  @Roles(UserRole.ADMIN)
  async updateApprovalPolicy(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateApprovalPolicyInput): Promise<ApprovalPolicyModel> {
    return ApprovalPolicyModel.from(await this.policies.update(actor, input));
  }

  @Mutation(() => EntitlementDefaultModel, { description: "Audited on the crisis." })
  @Roles(UserRole.ADMIN)
  async setEntitlementDefault(@CurrentUser() actor: AuthUser, @Args('input') input: SetEntitlementDefaultInput): Promise<EntitlementDefaultModel> {
    return EntitlementDefaultModel.from(await this.entitlements.set(actor, input));
  }

  @Query(() => SuggestedCompensationModel, { nullable: true, description: 'Null when the crisis has no default for this case.' })
  async suggestedCompensation(@Args() { caseId }: CaseIdArgs): Promise<SuggestedCompensationModel | null> {
    const suggestion = await this.entitlements.suggest(caseId);
    return suggestion ? SuggestedCompensationModel.from(suggestion) : null;
  }
}
