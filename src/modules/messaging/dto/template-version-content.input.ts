import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const TEMPLATE_BODY_MAX = 20000;
export const TEMPLATE_SUBJECT_MAX = 300;

@InputType({ description: 'The wording of a version.' })
export class TemplateVersionContentInput {
  @Field(() => String, { nullable: true, description: `Up to ${TEMPLATE_SUBJECT_MAX} characters; null for none.` })
  @IsOptional()
  @IsString()
  @MaxLength(TEMPLATE_SUBJECT_MAX)
  subject?: string | null;

  @Field({ description: `Up to ${TEMPLATE_BODY_MAX} characters, with placeholders such as {{contact.name}}.` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_BODY_MAX)
  body: string;
}
