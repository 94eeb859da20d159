import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The single row of approval settings that are not per role and currency. */
@Entity('compensation_policy_settings')
export class PolicySettingsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'leadership_extension_months_above', type: 'smallint' })
  leadershipExtensionMonthsAbove: number;

  @Column({ name: 'fairness_ratio_permille', type: 'integer' })
  fairnessRatioPermille: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
