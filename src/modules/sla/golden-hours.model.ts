import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CrisisSeverity } from '../crises/crisis.enums';

@ObjectType('GoldenHours')
export class GoldenHoursModel {
  @Field(() => CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => Int)
  hours: number;
}
