import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';
import { TimeRangeModel } from './time-range.model';

@ObjectType('UserBusy')
export class UserBusyModel {
  @Field(() => ID)
  userId: string;

  @Field(() => UserModel)
  user: UserModel;

  @Field(() => [TimeRangeModel], { description: 'Their live meetings inside the window, merged, oldest first.' })
  busy: TimeRangeModel[];
}
