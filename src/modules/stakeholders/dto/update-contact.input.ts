import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { ContactChannel } from '../stakeholder.enums';
import { OptionalButNotNull, Trim } from './input-decorators';
import { STAKEHOLDER_LIMITS } from '../stakeholder-field-rules';
import { Clearable } from '../../../common/validation/clearable.decorator';

/** Omitted fields stay as they are; nullable fields are cleared by an explicit null. */
@InputType()
export class UpdateContactInput {
  @Field(() => String, { nullable: true })
  @OptionalButNotNull()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(STAKEHOLDER_LIMITS.contactName)
  name?: string;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.contactTitle)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(STAKEHOLDER_LIMITS.contactEmail)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.contactPhone)
  phone?: string | null;

  @Field(() => ContactChannel, { nullable: true })
  @Clearable()
  @IsEnum(ContactChannel)
  preferredChannel?: ContactChannel | null;

  @Field(() => Boolean, { nullable: true })
  @OptionalButNotNull()
  @IsBoolean()
  isExecutive?: boolean;
}
