import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ContactChannel } from '../stakeholder.enums';
import { Trim } from './input-decorators';
import { STAKEHOLDER_LIMITS } from '../stakeholder-field-rules';

@InputType()
export class CreateContactInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(STAKEHOLDER_LIMITS.contactName)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.contactTitle)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(STAKEHOLDER_LIMITS.contactEmail)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(STAKEHOLDER_LIMITS.contactPhone)
  phone?: string | null;

  @Field(() => ContactChannel, { nullable: true })
  @IsOptional()
  @IsEnum(ContactChannel)
  preferredChannel?: ContactChannel | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  isExecutive: boolean = false;
}
