import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CadenceStepInput } from './cadence-step.input';

@InputType()
export class UpdateCadenceInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => [CadenceStepInput], {
    nullable: true,
    description: 'Replaces every step. Enrolments already made keep the tasks they were given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'steps must contain at least one step' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CadenceStepInput)
  steps?: CadenceStepInput[];
}
