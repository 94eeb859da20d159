import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { MAX_SIGNAL_ROWS } from '../signal-batch';
import { RevenueMonthInput } from './revenue-month.input';

/** Rows are validated one by one by the service (each reported with its index), not here. */
@ArgsType()
export class RecordRevenueMonthsArgs {
  @Field(() => [RevenueMonthInput], { description: `1 to ${MAX_SIGNAL_ROWS} rows.` })
  @IsArray()
  @ArrayMinSize(1, { message: 'rows must not be empty' })
  @ArrayMaxSize(MAX_SIGNAL_ROWS, { message: `rows takes at most ${MAX_SIGNAL_ROWS} rows per call` })
  rows: RevenueMonthInput[];

  @Field({ defaultValue: false, description: 'Write the good rows even when some are rejected; by default any rejected row means nothing is written.' })
  @IsOptional()
  @IsBoolean()
  acceptPartial: boolean;
}
