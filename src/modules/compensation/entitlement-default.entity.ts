import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ImpactLevel } from '../cases/case.enums';
import { StakeholderTier } from '../stakeholders/stakeholder.enums';
import { CompensationKind } from './compensation.enums';

/** What a crisis suggests for a case of this impact and stakeholder tier: policy, not a rule. */
@Entity('compensation_entitlement_defaults')
export class EntitlementDefaultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'crisis_id', type: 'uuid' })
  crisisId: string;

  @Column({ type: 'enum', enum: ImpactLevel, enumName: 'impact_level' })
  impact: ImpactLevel;

  @Column({ type: 'enum', enum: StakeholderTier, enumName: 'stakeholder_tier' })
  tier: StakeholderTier;

  @Column({ type: 'enum', enum: CompensationKind, enumName: 'compensation_kind' })
  kind: CompensationKind;

  /** Null for a contract extension, whose value follows from the partner's baseline. */
  @Column({ name: 'value_minor', type: 'bigint', nullable: true })
  valueMinor: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'extension_months', type: 'smallint', nullable: true })
  extensionMonths: number | null;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
