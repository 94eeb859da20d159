import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StakeholderKind, StakeholderTier } from './stakeholder.enums';

@Entity('stakeholders')
export class StakeholderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: StakeholderKind, enumName: 'stakeholder_kind' })
  kind: StakeholderKind;

  @Column()
  name: string;

  @Column({ type: 'varchar', nullable: true })
  segment: string | null;

  @Column({ type: 'enum', enum: StakeholderTier, enumName: 'stakeholder_tier' })
  tier: StakeholderTier;

  @Column({ type: 'varchar', nullable: true })
  region: string | null;

  @Column({ name: 'time_zone' })
  timeZone: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'external_ref', type: 'varchar', nullable: true })
  externalRef: string | null;

  @Column({ name: 'do_not_contact' })
  doNotContact: boolean;

  /** Minor units; pg returns bigint as a string, which keeps it exact. */
  @Column({ name: 'baseline_monthly_revenue_minor', type: 'bigint', nullable: true })
  baselineMonthlyRevenueMinor: string | null;

  @Column({ name: 'baseline_currency', type: 'char', length: 3, nullable: true })
  baselineCurrency: string | null;

  @Column({ name: 'contract_reference', type: 'varchar', nullable: true })
  contractReference: string | null;

  /** Calendar dates, kept as 'YYYY-MM-DD' strings so no time zone can shift them. */
  @Column({ name: 'contract_start_date', type: 'date', nullable: true })
  contractStartDate: string | null;

  @Column({ name: 'contract_end_date', type: 'date', nullable: true })
  contractEndDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
