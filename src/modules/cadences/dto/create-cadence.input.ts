import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CadenceStepInput } from './cadence-step.input';

@InputType()
export class CreateCadenceInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => [CadenceStepInput], { description: 'In order; the first step is position 1.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'steps must contain at least one step' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CadenceStepInput)
  steps: CadenceStepInput[];
}
