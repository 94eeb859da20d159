import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ContactChannel } from '../stakeholder.enums';
import { OptionalButNotNull, Trim } from './input-decorators';

/** Omitted fields stay as they are; nullable fields are cleared by an explicit null. */
@InputType()
export class UpdateContactInput {
  @Field(() => String, { nullable: true })
  @OptionalButNotNull()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => ContactChannel, { nullable: true })
  @IsOptional()
  @IsEnum(ContactChannel)
  preferredChannel?: ContactChannel | null;

  @Field(() => Boolean, { nullable: true })
  @OptionalButNotNull()
  @IsBoolean()
  isExecutive?: boolean;
}
