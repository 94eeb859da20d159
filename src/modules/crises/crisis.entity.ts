import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from './crisis.enums';

@Entity('crises')
export class CrisisEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  title: string;

  @Column()
  description: string;

  @Column({ type: 'enum', enum: CrisisCategory, enumName: 'crisis_category' })
  category: CrisisCategory;

  @Column({ type: 'enum', enum: CrisisSeverity, enumName: 'crisis_severity' })
  severity: CrisisSeverity;

  @Column({ type: 'enum', enum: CrisisPhase, enumName: 'crisis_phase' })
  phase: CrisisPhase;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;

  @Column({ name: 'first_statement_at', type: 'timestamptz', nullable: true })
  firstStatementAt: Date | null;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'spokesperson_id', type: 'uuid', nullable: true })
  spokespersonId: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
