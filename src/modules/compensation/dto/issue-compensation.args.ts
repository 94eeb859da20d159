import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';

@ArgsType()
export class IssueCompensationArgs extends IdArgs {
  @Field({
    description:
      'Chosen by the client, 8 to 100 characters. Repeating the call with the same key and arguments returns the same result; the same key with other arguments is a CONFLICT.',
  })
  @IsString()
  @Length(8, 100, { message: 'idempotencyKey must be 8 to 100 characters' })
  idempotencyKey: string;

  @Field(() => String, { nullable: true, description: 'Where it was issued, e.g. the payment provider transaction id.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string | null;
}
