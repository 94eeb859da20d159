import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatus } from '../../cases/case.enums';
import { TrustBand } from '../../trust/trust-band.enum';
import { TrustReasonModel } from '../../trust/trust-reason.model';
import { listOf } from '../../../common/graphql/cost/query-cost';
import { MAX_REASONS } from '../../trust/trust-reasons';

@ObjectType('AtRiskCase', { description: "An open case whose latest trust snapshot is in the AT_RISK band." })
export class AtRiskCaseModel {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field()
  stakeholderName: string;

  @Field(() => ID)
  ownerId: string;

  @Field(() => CaseStatus, { description: 'The case status now.' })
  status: CaseStatus;

  @Field(() => Int, { description: 'Month index of the latest snapshot.' })
  monthIndex: number;

  @Field(() => Int, { description: 'Trust index (0–100) of the latest snapshot; the list is lowest first.' })
  trustIndex: number;

  @Field(() => TrustBand)
  band: TrustBand;

  @Field(() => [TrustReasonModel], { description: "The latest snapshot's reasons.", complexity: listOf(MAX_REASONS) })
  reasons: TrustReasonModel[];
}
