import { Field, ObjectType } from '@nestjs/graphql';
import { TimeRange } from './business-slots';

@ObjectType('TimeRange', { description: 'From start (included) to end (excluded).' })
export class TimeRangeModel {
  @Field()
  start: Date;

  @Field()
  end: Date;

  static from(range: TimeRange): TimeRangeModel {
    return Object.assign(new TimeRangeModel(), { start: range.start, end: range.end });
  }
}
