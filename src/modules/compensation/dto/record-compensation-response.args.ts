import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { CompensationResponse } from '../compensation.enums';

@ArgsType()
export class RecordCompensationResponseArgs extends IdArgs {
  @Field(() => CompensationResponse)
  @IsEnum(CompensationResponse)
  response: CompensationResponse;

  @Field(() => String, { nullable: true, description: 'Required for DECLINED: why the stakeholder declined.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}
