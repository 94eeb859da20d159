import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ImpactLevel } from '../cases/case.enums';

/** The single row of SLA settings. */
@Entity('sla_settings')
export class SlaSettingsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'golden_hours_minor', type: 'smallint' })
  goldenHoursMinor: number;

  @Column({ name: 'golden_hours_moderate', type: 'smallint' })
  goldenHoursModerate: number;

  @Column({ name: 'golden_hours_severe', type: 'smallint' })
  goldenHoursSevere: number;

  @Column({ name: 'golden_hours_critical', type: 'smallint' })
  goldenHoursCritical: number;

  @Column({ name: 'golden_hours_impacts', type: 'enum', enum: ImpactLevel, enumName: 'impact_level', array: true })
  goldenHoursImpacts: ImpactLevel[];

  @Column({ name: 'reply_within_hours', type: 'smallint' })
  replyWithinHours: number;

  @Column({ name: 'escalate_after_hours', type: 'smallint' })
  escalateAfterHours: number;

  @Column({ name: 'task_reminder_minutes', type: 'smallint' })
  taskReminderMinutes: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
