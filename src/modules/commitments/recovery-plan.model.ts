import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommitmentModel } from './commitment.model';
import { PromiseKeptRateModel } from './promise-kept-rate.model';

@ObjectType('RecoveryPlan', { description: 'A stakeholder’s joint recovery plan: every commitment, by status.' })
export class RecoveryPlanModel {
  @Field(() => ID)
  stakeholderId: string;

  @Field(() => [CommitmentModel], { description: 'Earliest due first.' })
  open: CommitmentModel[];

  @Field(() => [CommitmentModel], { description: 'Earliest due first.' })
  done: CommitmentModel[];

  @Field(() => [CommitmentModel], { description: 'Earliest due first.' })
  dropped: CommitmentModel[];

  @Field(() => PromiseKeptRateModel)
  promiseKeptRate: PromiseKeptRateModel;
}
