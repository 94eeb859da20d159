import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;
export const DECIMAL_MESSAGE = '$property must be a decimal number written like 97.5 (at most 4 decimals)';

@InputType()
export class KpiInput {
  @Field({ description: 'e.g. "On-time delivery".' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @Field({ description: 'A decimal as a string, e.g. "98.5".' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  target: string;

  @Field(() => String, { nullable: true, description: 'e.g. "%".' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;
}
