import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CompensationKind, CompensationStatus } from './compensation.enums';

@Entity('compensations')
export class CompensationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'enum', enum: CompensationKind, enumName: 'compensation_kind' })
  kind: CompensationKind;

  @Column({ type: 'enum', enum: CompensationStatus, enumName: 'compensation_status' })
  status: CompensationStatus;

  /** Minor units as an exact decimal string (bigint), in the case's loss currency. */
  @Column({ name: 'value_minor', type: 'bigint' })
  valueMinor: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'refund_reference', type: 'varchar', nullable: true })
  refundReference: string | null;

  @Column({ name: 'coupon_percent', type: 'smallint', nullable: true })
  couponPercent: number | null;

  @Column({ name: 'coupon_expires_on', type: 'date', nullable: true })
  couponExpiresOn: string | null;

  @Column({ name: 'coupon_code', type: 'varchar', nullable: true })
  couponCode: string | null;

  @Column({ name: 'extension_months', type: 'smallint', nullable: true })
  extensionMonths: number | null;

  @Column({ type: 'varchar', nullable: true })
  description: string | null;

  @Column({ name: 'proposed_by_id', type: 'uuid' })
  proposedById: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approval_justification', type: 'varchar', nullable: true })
  approvalJustification: string | null;

  @Column({ name: 'rejected_by_id', type: 'uuid', nullable: true })
  rejectedById: string | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @Column({ name: 'rejection_reason', type: 'varchar', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'cancelled_by_id', type: 'uuid', nullable: true })
  cancelledById: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancellation_reason', type: 'varchar', nullable: true })
  cancellationReason: string | null;

  @Column({ name: 'issued_by_id', type: 'uuid', nullable: true })
  issuedById: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'issue_reference', type: 'varchar', nullable: true })
  issueReference: string | null;

  @Column({ name: 'contract_end_before', type: 'date', nullable: true })
  contractEndBefore: string | null;

  @Column({ name: 'contract_end_after', type: 'date', nullable: true })
  contractEndAfter: string | null;

  @Column({ name: 'responded_by_id', type: 'uuid', nullable: true })
  respondedById: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'decline_reason', type: 'varchar', nullable: true })
  declineReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
