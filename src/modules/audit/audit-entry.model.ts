import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination/connection.model';
import { AuditedRecord } from './audited-record.enum';

@ObjectType('AuditEntry', { description: 'One change of money, status, phase, ownership, role or approval. Append-only.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for changes made by the system itself.' })
  actorId: string | null;

  @Field(() => AuditedRecord)
  record: AuditedRecord;

  @Field(() => ID)
  recordId: string;

  @Field({ description: 'What happened, e.g. CASE_STATUS_CHANGED.' })
  action: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after: Record<string, unknown> | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryModel, 'AuditEntry');
