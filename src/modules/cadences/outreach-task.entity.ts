import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { OutreachAction, OutreachTaskStatus } from './outreach.enums';

@Entity('outreach_tasks')
export class OutreachTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'step_position', type: 'integer' })
  stepPosition: number;

  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Column({ type: 'enum', enum: OutreachAction, enumName: 'outreach_action' })
  action: OutreachAction;

  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Where the cadence put it, before contact fatigue moved it. */
  @Column({ name: 'original_due_at', type: 'timestamptz' })
  originalDueAt: Date;

  @Column({ name: 'fatigue_note', type: 'text', nullable: true })
  fatigueNote: string | null;

  @Column({ type: 'enum', enum: OutreachTaskStatus, enumName: 'outreach_task_status' })
  status: OutreachTaskStatus;

  @Column({ name: 'done_interaction_id', type: 'uuid', nullable: true })
  doneInteractionId: string | null;

  @Column({ name: 'skipped_reason', type: 'text', nullable: true })
  skippedReason: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
