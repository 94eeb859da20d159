import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatusCountModel } from './case-status-count.model';
import { ShareModel } from './share.model';

@ObjectType('ResponseDashboard', { description: 'How fast and how consistently the cases in scope were answered.' })
export class ResponseDashboardModel {
  @Field(() => Int, { description: 'Cases in scope.' })
  cases: number;

  @Field(() => [CaseStatusCountModel], { description: 'Cases in scope by current status, every status in declaration order.' })
  casesByStatus: CaseStatusCountModel[];

  @Field(() => ShareModel, {
    description:
      "Golden hours. Denominator: cases whose impact needs the golden-hours contact (SLA settings' goldenHoursImpacts) and whose clock has ended: contacted, or not contacted and past due. Numerator: those whose first OUTBOUND interaction came within the golden hours of the crisis's severity after the case was opened (at the deadline counts as in time). Excluded: cases not needing it, and cases still inside their golden hours without a contact.",
  })
  contactedWithinGoldenHours: ShareModel;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median, over cases in scope that have an OUTBOUND interaction, of the seconds from the case being opened to its first OUTBOUND interaction (interpolated between the two middle cases for an even count); null when no case was contacted.',
  })
  medianSecondsToFirstContact: number | null;

  @Field(() => ShareModel, {
    description:
      "Every message answered. Each INBOUND interaction on a case in scope is answered by the first OUTBOUND interaction of the case at or after it. Denominator: inbound messages answered, plus those unanswered past their deadline (SLA settings' replyWithinHours). Numerator: those answered within replyWithinHours. Excluded: unanswered messages still inside their deadline.",
  })
  inboundAnsweredWithinSla: ShareModel;

  @Field(() => ShareModel, {
    description:
      'Message consistency. Denominator: OUTBOUND interactions on cases in scope. Numerator: those logged with a message template version (only APPROVED versions can be logged). Inbound interactions are excluded.',
  })
  outboundWithApprovedTemplate: ShareModel;
}
