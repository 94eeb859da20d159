import { TrustSnapshotModel } from '../trust/trust-snapshot.model';
import { Field, ObjectType } from '@nestjs/graphql';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CommitmentModel } from '../commitments/commitment.model';
import { PromiseKeptRateModel } from '../commitments/promise-kept-rate.model';
import { MoneyModel } from '../../common/money/money.model';
import { ContactModel } from '../stakeholders/contact.model';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { MeetingModel } from './meeting.model';
import { InteractionModel } from '../interactions/interaction.model';

@ObjectType('MeetingBrief', { description: 'What our people must know before they meet the stakeholder.' })
export class MeetingBriefModel {
  @Field(() => MeetingModel)
  meeting: MeetingModel;

  @Field(() => StakeholderModel)
  stakeholder: StakeholderModel;

  @Field(() => [ContactModel])
  contacts: ContactModel[];

  @Field(() => RecoveryCaseModel, { nullable: true, description: 'The meeting’s case, with its status.' })
  case: RecoveryCaseModel | null;

  @Field(() => [MoneyModel], {
    description: 'Compensation ISSUED or ACCEPTED so far across all the stakeholder’s cases, one total per currency.',
  })
  compensationSoFar: MoneyModel[];

  @Field(() => [InteractionModel], { description: 'The last 10 interactions on the stakeholder’s cases, newest first, with their sentiment.' })
  lastInteractions: InteractionModel[];

  @Field(() => [CommitmentModel], { description: 'Open commitments of the stakeholder’s recovery plan, earliest due first.' })
  openCommitments: CommitmentModel[];

  @Field(() => PromiseKeptRateModel)
  promiseKeptRate: PromiseKeptRateModel;

  @Field(() => [TrustSnapshotModel], {
    description:
      'The trust trend: the last six monthly trust snapshots of the meeting’s case (or, without one, the stakeholder’s latest case), oldest first.',
  })
  trustTrend: TrustSnapshotModel[];
}
