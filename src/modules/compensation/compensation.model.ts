import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CompensationKind, CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { allowedNextCompensationStatuses } from './compensation-transitions';

@ObjectType('Compensation', { description: 'What is given to a stakeholder to make things right, from proposal to their answer.' })
export class CompensationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => CompensationKind)
  kind: CompensationKind;

  @Field(() => CompensationStatus)
  status: CompensationStatus;

  @Field(() => [CompensationStatus], { description: 'Where it may go next from its status.' })
  allowedNextStatuses: CompensationStatus[];

  @Field(() => MoneyModel, { description: "In the case's loss currency; for an extension, months × the partner's baseline revenue." })
  value: MoneyModel;

  @Field(() => String, { nullable: true })
  refundReference: string | null;

  @Field(() => Int, { nullable: true, description: 'COUPON: percentage off; null for a fixed-amount coupon worth its value.' })
  couponPercent: number | null;

  @Field(() => String, { nullable: true })
  couponExpiresOn: string | null;

  @Field(() => String, { nullable: true, description: 'COUPON: generated when issued.' })
  couponCode: string | null;

  @Field(() => Int, { nullable: true })
  extensionMonths: number | null;

  @Field(() => String, { nullable: true, description: 'CONTRACT_EXTENSION: the contract end date before and after issue.' })
  contractEndBefore: string | null;

  @Field(() => String, { nullable: true })
  contractEndAfter: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field()
  proposedAt: Date;

  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Field(() => String, { nullable: true })
  approvalJustification: string | null;

  @Field(() => Date, { nullable: true })
  rejectedAt: Date | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => String, { nullable: true })
  issueReference: string | null;

  @Field(() => Date, { nullable: true, description: 'When the stakeholder’s acceptance or decline was recorded.' })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Resolved into users through the per-request loader. */
  proposedById: string;
  approvedById: string | null;
  rejectedById: string | null;
  cancelledById: string | null;
  issuedById: string | null;
  respondedById: string | null;

  static from(e: CompensationEntity): CompensationModel {
    return Object.assign(new CompensationModel(), {
      id: e.id,
      caseId: e.caseId,
      kind: e.kind,
      status: e.status,
      allowedNextStatuses: [...allowedNextCompensationStatuses(e.status)],
      value: MoneyModel.of(e.valueMinor, e.currency),
      refundReference: e.refundReference,
      couponPercent: e.couponPercent,
      couponExpiresOn: e.couponExpiresOn,
      couponCode: e.couponCode,
      extensionMonths: e.extensionMonths,
      contractEndBefore: e.contractEndBefore,
      contractEndAfter: e.contractEndAfter,
      description: e.description,
      proposedAt: e.proposedAt,
      approvedAt: e.approvedAt,
      approvalJustification: e.approvalJustification,
      rejectedAt: e.rejectedAt,
      rejectionReason: e.rejectionReason,
      cancelledAt: e.cancelledAt,
      cancellationReason: e.cancellationReason,
      issuedAt: e.issuedAt,
      issueReference: e.issueReference,
      respondedAt: e.respondedAt,
      declineReason: e.declineReason,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      proposedById: e.proposedById,
      approvedById: e.approvedById,
      rejectedById: e.rejectedById,
      cancelledById: e.cancelledById,
      issuedById: e.issuedById,
      respondedById: e.respondedById,
    });
  }
}
