import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApprovalLimitModel } from './approval-limit.model';
import { StoredApprovalPolicy } from './approval-policy.service';

@ObjectType('ApprovalPolicy', { description: 'Who may approve how much compensation. Roles without a limit approve nothing.' })
export class ApprovalPolicyModel {
  @Field(() => [ApprovalLimitModel])
  limits: ApprovalLimitModel[];

  @Field(() => Int, { description: 'Contract extensions of more months than this need LEADERSHIP.' })
  leadershipExtensionMonthsAbove: number;

  @Field(() => Int, {
    description: "A case's approved and issued compensation above its estimated loss × this / 1000 needs LEADERSHIP and a justification.",
  })
  fairnessRatioPermille: number;

  @Field()
  updatedAt: Date;

  static from({ settings, limits }: StoredApprovalPolicy): ApprovalPolicyModel {
    return Object.assign(new ApprovalPolicyModel(), {
      limits: limits.map((l) => ApprovalLimitModel.from(l)),
      leadershipExtensionMonthsAbove: settings.leadershipExtensionMonthsAbove,
      fairnessRatioPermille: settings.fairnessRatioPermille,
      updatedAt: settings.updatedAt,
    });
  }
}
