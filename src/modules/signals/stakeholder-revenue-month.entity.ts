import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('stakeholder_revenue_months')
export class StakeholderRevenueMonthEntity {
  @PrimaryColumn({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  /** The first day of the calendar month, 'YYYY-MM-01'. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  /** Minor units as an exact decimal string (bigint). */
  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
