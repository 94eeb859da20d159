import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ContactChannel } from '../stakeholder.enums';
import { Trim } from './input-decorators';

@InputType()
export class CreateContactInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

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

  @Field({ defaultValue: false })
  @IsBoolean()
  isExecutive: boolean = false;
}
