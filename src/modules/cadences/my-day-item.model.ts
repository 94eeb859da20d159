import { Field, ObjectType } from '@nestjs/graphql';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { RenderedMessageModel } from '../messaging/rendered-message.model';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { OutreachTaskModel } from './outreach-task.model';

@ObjectType('MyDayItem', { description: 'A task to do today (or overdue), with what the agent needs to do it.' })
export class MyDayItemModel {
  @Field(() => OutreachTaskModel)
  task: OutreachTaskModel;

  @Field(() => RecoveryCaseModel)
  case: RecoveryCaseModel;

  @Field(() => StakeholderModel)
  stakeholder: StakeholderModel;

  @Field(() => RenderedMessageModel, {
    nullable: true,
    description: "The step's template (its APPROVED version) rendered for this case; null when there is none or it cannot render.",
  })
  message: RenderedMessageModel | null;

  @Field(() => String, { nullable: true, description: 'Why the message could not be rendered (e.g. a missing value), to fix first.' })
  messageError: string | null;
}
