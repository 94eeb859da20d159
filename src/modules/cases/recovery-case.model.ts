import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CasePriority, CaseStatus, ImpactLevel } from './case.enums';
import { allowedNextStatuses } from './case-status-transitions';
import { RecoveryCaseEntity } from './recovery-case.entity';

@ObjectType('RecoveryCase', { description: 'One stakeholder affected by one crisis, and the work to win them back.' })
export class RecoveryCaseModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  crisisId: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field(() => ImpactLevel)
  impact: ImpactLevel;

  @Field(() => MoneyModel, { description: 'What the crisis cost this stakeholder, as we estimate it.' })
  estimatedLoss: MoneyModel;

  @Field({ description: 'What happened to this stakeholder.' })
  description: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => CasePriority)
  priority: CasePriority;

  @Field()
  statusChangedAt: Date;

  @Field(() => [CaseStatus], { description: 'The statuses changeCaseStatus accepts from the current one.' })
  allowedNextStatuses: CaseStatus[];

  @Field({ description: 'When the case was opened (openCase.openedAt): the golden-hours clock starts here. Same as createdAt.' })
  openedAt: Date;

  @Field({ description: 'When the case was opened; see openedAt.' })
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Resolved into `owner` / `openedBy` through the per-request user loader. */
  ownerId: string;
  openedById: string | null;

  static from(entity: RecoveryCaseEntity): RecoveryCaseModel {
    return Object.assign(new RecoveryCaseModel(), {
      id: entity.id,
      crisisId: entity.crisisId,
      stakeholderId: entity.stakeholderId,
      impact: entity.impact,
      estimatedLoss: MoneyModel.of(entity.estimatedLossMinor, entity.lossCurrency),
      description: entity.description,
      status: entity.status,
      priority: entity.priority,
      statusChangedAt: entity.statusChangedAt,
      allowedNextStatuses: [...allowedNextStatuses(entity.status)],
      openedAt: entity.createdAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      ownerId: entity.ownerId,
      openedById: entity.openedById,
    });
  }
}
