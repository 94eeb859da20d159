import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, Max, Min } from 'class-validator';
import { CrisisSeverity } from '../../crises/crisis.enums';

@InputType()
export class GoldenHoursInput {
  @Field(() => CrisisSeverity)
  @IsEnum(CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => Int, { description: '1 to 720 hours.' })
  @IsInt({ message: 'hours must be a whole number' })
  @Min(1, { message: 'hours must be at least 1' })
  @Max(720, { message: 'hours must be at most 720 (30 days)' })
  hours: number;
}
