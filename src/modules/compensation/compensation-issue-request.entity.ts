import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One issueCompensation call by idempotency key: what was asked (hash) and what it gave. */
@Entity('compensation_issue_requests')
export class CompensationIssueRequestEntity {
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar' })
  idempotencyKey: string;

  @Column({ name: 'compensation_id', type: 'uuid' })
  compensationId: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'jsonb' })
  result: object;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
