import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ImpactLevel } from '../../cases/case.enums';
import { GoldenHoursInput } from './golden-hours.input';

/** Only the fields given change. */
@InputType()
export class UpdateSlaSettingsInput {
  @Field(() => [GoldenHoursInput], { nullable: true, description: 'Golden hours for the severities listed; others keep theirs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique((g: GoldenHoursInput) => g.severity, { message: 'goldenHours lists a severity twice' })
  @ValidateNested({ each: true })
  @Type(() => GoldenHoursInput)
  goldenHours?: GoldenHoursInput[] | null;

  @Field(() => [ImpactLevel], { nullable: true, description: 'The case impacts that owe the golden-hours contact.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ImpactLevel, { each: true })
  goldenHoursImpacts?: ImpactLevel[] | null;

  @Field(() => Int, { nullable: true, description: '1 to 720 hours.' })
  @IsOptional()
  @IsInt({ message: 'replyWithinHours must be a whole number' })
  @Min(1, { message: 'replyWithinHours must be at least 1' })
  @Max(720, { message: 'replyWithinHours must be at most 720 (30 days)' })
  replyWithinHours?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 720 hours.' })
  @IsOptional()
  @IsInt({ message: 'escalateAfterHours must be a whole number' })
  @Min(1, { message: 'escalateAfterHours must be at least 1' })
  @Max(720, { message: 'escalateAfterHours must be at most 720 (30 days)' })
  escalateAfterHours?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 10080 minutes (a week).' })
  @IsOptional()
  @IsInt({ message: 'taskReminderMinutes must be a whole number' })
  @Min(1, { message: 'taskReminderMinutes must be at least 1' })
  @Max(10080, { message: 'taskReminderMinutes must be at most 10080 (a week)' })
  taskReminderMinutes?: number | null;
}
