import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CaseStatus } from '../cases/case.enums';
import { TrustBand } from './trust-band.enum';

/**
 * One case's trust index for one calendar month since its crisis started (month 0 is the
 * month the crisis started in). Written only by the set-based snapshot SQL; components are
 * exact decimals 0–1 (pg returns them as strings), null when there was no data.
 */
@Entity('case_trust_snapshots')
export class CaseTrustSnapshotEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ name: 'month_index', type: 'smallint' })
  monthIndex: number;

  @Column({ name: 'crisis_id', type: 'uuid' })
  crisisId: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column({ name: 'month_start', type: 'date' })
  monthStart: string;

  /** The instant the month was measured at: the start of the next month, or the run time for the current month. */
  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  @Column({ name: 'trust_index', type: 'smallint' })
  trustIndex: number;

  @Column({ type: 'enum', enum: TrustBand, enumName: 'trust_band' })
  band: TrustBand;

  @Column({ name: 'component_survey_trust', type: 'numeric', nullable: true })
  componentSurveyTrust: string | null;

  @Column({ name: 'component_nps', type: 'numeric', nullable: true })
  componentNps: string | null;

  @Column({ name: 'component_sentiment', type: 'numeric', nullable: true })
  componentSentiment: string | null;

  @Column({ name: 'component_responsiveness', type: 'numeric', nullable: true })
  componentResponsiveness: string | null;

  @Column({ name: 'component_revenue', type: 'numeric', nullable: true })
  componentRevenue: string | null;

  @Column({ name: 'component_promises', type: 'numeric', nullable: true })
  componentPromises: string | null;

  @Column({ name: 'overdue_items', type: 'integer' })
  overdueItems: number;

  @Column({ name: 'penalty_points', type: 'smallint' })
  penaltyPoints: number;

  @Column({ type: 'jsonb' })
  weights: Record<string, number>;

  @Column({ type: 'jsonb' })
  reasons: { code: string; message: string; points: number }[];

  @Column({ name: 'latest_nps', type: 'smallint', nullable: true })
  latestNps: number | null;

  @Column({ name: 'latest_csat', type: 'smallint', nullable: true })
  latestCsat: number | null;

  @Column({ name: 'latest_trust', type: 'smallint', nullable: true })
  latestTrust: number | null;

  @Column({ name: 'pre_crisis_nps', type: 'smallint', nullable: true })
  preCrisisNps: number | null;

  @Column({ name: 'pre_crisis_csat', type: 'smallint', nullable: true })
  preCrisisCsat: number | null;

  @Column({ name: 'pre_crisis_trust', type: 'smallint', nullable: true })
  preCrisisTrust: number | null;

  @Column({ name: 'revenue_month', type: 'date', nullable: true })
  revenueMonth: string | null;

  @Column({ name: 'revenue_minor', type: 'bigint', nullable: true })
  revenueMinor: string | null;

  @Column({ name: 'baseline_minor', type: 'bigint', nullable: true })
  baselineMinor: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'case_status', type: 'enum', enum: CaseStatus, enumName: 'case_status' })
  caseStatus: CaseStatus;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
