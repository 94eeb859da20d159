import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { OutreachAction } from './outreach.enums';

@Entity('cadence_steps')
export class CadenceStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cadence_id', type: 'uuid' })
  cadenceId: string;

  @Column({ type: 'integer' })
  position: number;

  /** ISO 8601 duration from enrolment, e.g. PT4H, P1D, P1M. */
  @Column({ name: 'offset_iso', type: 'varchar' })
  offset: string;

  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Column({ type: 'enum', enum: OutreachAction, enumName: 'outreach_action' })
  action: OutreachAction;

  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId: string | null;
}
