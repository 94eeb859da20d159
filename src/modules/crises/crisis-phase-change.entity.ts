import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CrisisPhase } from './crisis.enums';

@Entity('crisis_phase_changes')
export class CrisisPhaseChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'crisis_id', type: 'uuid' })
  crisisId: string;

  @Column({ name: 'from_phase', type: 'enum', enum: CrisisPhase, enumName: 'crisis_phase', nullable: true })
  fromPhase: CrisisPhase | null;

  @Column({ name: 'to_phase', type: 'enum', enum: CrisisPhase, enumName: 'crisis_phase' })
  toPhase: CrisisPhase;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Column({ name: 'changed_by_id', type: 'uuid', nullable: true })
  changedById: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', insert: false })
  changedAt: Date;
}
