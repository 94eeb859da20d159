import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { MessageKind } from './message-template.enums';

@Entity('message_templates')
export class MessageTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'crisis_id', type: 'uuid' })
  crisisId: string;

  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Column({ type: 'enum', enum: MessageKind, enumName: 'message_kind' })
  kind: MessageKind;

  @Column()
  name: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
