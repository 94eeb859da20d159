import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The single row of trust-index weights and thresholds (see README, "The trust index"). */
@Entity('trust_settings')
export class TrustSettingsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'weight_survey_trust', type: 'smallint' })
  weightSurveyTrust: number;

  @Column({ name: 'weight_nps', type: 'smallint' })
  weightNps: number;

  @Column({ name: 'weight_sentiment', type: 'smallint' })
  weightSentiment: number;

  @Column({ name: 'weight_responsiveness', type: 'smallint' })
  weightResponsiveness: number;

  @Column({ name: 'weight_revenue', type: 'smallint' })
  weightRevenue: number;

  @Column({ name: 'weight_promises', type: 'smallint' })
  weightPromises: number;

  @Column({ name: 'lookback_months', type: 'smallint' })
  lookbackMonths: number;

  @Column({ name: 'recent_months', type: 'smallint' })
  recentMonths: number;

  @Column({ name: 'recent_weight', type: 'smallint' })
  recentWeight: number;

  @Column({ name: 'no_contact_days', type: 'smallint' })
  noContactDays: number;

  @Column({ name: 'overdue_penalty_points', type: 'smallint' })
  overduePenaltyPoints: number;

  @Column({ name: 'overdue_penalty_cap', type: 'smallint' })
  overduePenaltyCap: number;

  @Column({ name: 'recovering_min', type: 'smallint' })
  recoveringMin: number;

  @Column({ name: 'recovered_min', type: 'smallint' })
  recoveredMin: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
