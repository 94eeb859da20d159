import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { PageArgs } from '../../common/pagination/page.args';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditedRecord } from './audited-record.enum';

export interface AuditRecordInput {
  actorId: string | null;
  record: AuditedRecord;
  recordId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Picks the named fields of a record, for an entry's before/after. */
export function auditFields<T extends object, K extends keyof T>(record: T, fields: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an entry inside the caller's transaction, so the change and its record commit together. */
  async record(manager: EntityManager, input: AuditRecordInput): Promise<void> {
    const entry = Object.assign(new AuditEntryEntity(), {
      actorId: input.actorId,
      entityType: input.record,
      entityId: input.recordId,
      action: input.action,
      before: input.before,
      after: input.after,
    });
    await manager.insert(AuditEntryEntity, entry);
  }

  trail(record: AuditedRecord, recordId: string, page: PageArgs): Promise<Connection<AuditEntryEntity>> {
    const query = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.entity_type = :record AND a.entity_id = :recordId', { record, recordId });
    return paginate(query, [{ expression: 'a.id', type: 'bigint' }], 'ASC', page, (row) => row);
  }
}
