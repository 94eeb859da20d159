import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ImpactLevel } from '../cases/case.enums';
import { CrisisSeverity } from '../crises/crisis.enums';

@Entity('cadence_matrix')
export class CadenceMatrixEntryEntity {
  @PrimaryColumn({ type: 'enum', enum: CrisisSeverity, enumName: 'crisis_severity' })
  severity: CrisisSeverity;

  @PrimaryColumn({ type: 'enum', enum: ImpactLevel, enumName: 'impact_level' })
  impact: ImpactLevel;

  @Column({ name: 'cadence_id', type: 'uuid' })
  cadenceId: string;

  @Column({ name: 'updated_by_id', type: 'uuid' })
  updatedById: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
