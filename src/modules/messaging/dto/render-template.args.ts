import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class RenderTemplateArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: "A contact of the case's stakeholder; needed for {{contact.*}}." })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId?: string | null;
}
