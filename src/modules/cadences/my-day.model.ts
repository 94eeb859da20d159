import { Field, ObjectType } from '@nestjs/graphql';
import { CommitmentModel } from '../commitments/commitment.model';
import { MyDayItemModel } from './my-day-item.model';

@ObjectType('MyDay', { description: 'What the signed-in user has to do today.' })
export class MyDayModel {
  @Field(() => [MyDayItemModel], { description: 'Outreach tasks due today (UTC) and overdue, most urgent first.' })
  tasks: MyDayItemModel[];

  @Field(() => [CommitmentModel], { description: 'Commitments of ours you own that are past their due date and still OPEN.' })
  overdueCommitments: CommitmentModel[];
}
