import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { BurnDownGranularity } from '../burn-down-granularity.enum';

@ArgsType()
export class BurnDownArgs {
  @Field(() => BurnDownGranularity, { defaultValue: BurnDownGranularity.DAY })
  @IsEnum(BurnDownGranularity)
  granularity: BurnDownGranularity = BurnDownGranularity.DAY;
}
