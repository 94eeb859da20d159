import { Field, ObjectType } from '@nestjs/graphql';
import { TimeRangeModel } from './time-range.model';
import { UserBusyModel } from './user-busy.model';

@ObjectType('FreeBusy')
export class FreeBusyModel {
  @Field(() => [UserBusyModel], { description: 'In the order the users were asked for.' })
  users: UserBusyModel[];

  @Field(() => [TimeRangeModel], {
    description: 'The first slots in which all of them are free, inside 09:00–17:00 Monday to Friday of the time zone.',
  })
  suggestedSlots: TimeRangeModel[];
}
