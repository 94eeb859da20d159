import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CrisisCategory, CrisisSeverity } from '../crisis.enums';
import { Clearable } from '../../../common/validation/clearable.decorator';

/** Omitted fields stay as they are; nullable fields are cleared by an explicit null. */
@InputType()
export class UpdateCrisisInput {
  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => CrisisCategory, { nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsEnum(CrisisCategory)
  category?: CrisisCategory;

  @Field(() => CrisisSeverity, { nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsEnum(CrisisSeverity)
  severity?: CrisisSeverity;

  @Field(() => Date, { nullable: true })
  @Clearable()
  @IsDate()
  startedAt?: Date | null;

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsDate()
  detectedAt?: Date;

  @Field(() => Date, { nullable: true })
  @Clearable()
  @IsDate()
  firstStatementAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @Clearable()
  @IsUUID('all', { message: 'leadId must be a UUID' })
  leadId?: string | null;

  @Field(() => ID, { nullable: true })
  @Clearable()
  @IsUUID('all', { message: 'spokespersonId must be a UUID' })
  spokespersonId?: string | null;
}
