import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { TemplateVersionContentInput } from './template-version-content.input';

/** `id` is a template (new version) or a version (edit of a draft), depending on the mutation. */
@ArgsType()
export class TemplateVersionContentArgs extends IdArgs {
  @Field(() => TemplateVersionContentInput)
  @ValidateNested()
  @Type(() => TemplateVersionContentInput)
  input: TemplateVersionContentInput;
}
