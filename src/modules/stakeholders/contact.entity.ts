import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactChannel } from './stakeholder.enums';

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'stakeholder_id', type: 'uuid' })
  stakeholderId: string;

  @Column()
  name: string;

  @Column({ type: 'varchar', nullable: true })
  title: string | null;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  @Column({ name: 'preferred_channel', type: 'enum', enum: ContactChannel, enumName: 'contact_channel', nullable: true })
  preferredChannel: ContactChannel | null;

  @Column({ name: 'is_executive' })
  isExecutive: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
