import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { DECIMAL, DECIMAL_MESSAGE } from './kpi.input';

@ArgsType()
export class RecordKpiMeasurementArgs extends IdArgs {
  @Field({ description: 'A decimal as a string, e.g. "97.5".' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  value: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  measuredAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
