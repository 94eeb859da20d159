import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { AuditedRecord } from '../audited-record.enum';

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => AuditedRecord)
  @IsEnum(AuditedRecord)
  record: AuditedRecord;

  @Field(() => ID)
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId: string;
}
