import { ArgsType, Field } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { CaseStatus } from '../case.enums';

@ArgsType()
export class ChangeCaseStatusArgs extends IdArgs {
  @Field(() => CaseStatus, { description: 'Must be one of the case’s allowedNextStatuses.' })
  @IsEnum(CaseStatus)
  status: CaseStatus;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit trail. Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the change happened, if earlier than now: not in the future, not before the case’s previous status change (statusChangedAt). Now when not given.',
  })
  @IsOptional()
  @IsDate()
  changedAt?: Date | null;
}
