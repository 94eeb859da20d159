import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '../users/user-role.enum';

@Entity('compensation_approval_limits')
export class ApprovalLimitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  /** Null: the role's limit in every currency without its own row. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** Null: unlimited. */
  @Column({ name: 'limit_minor', type: 'bigint', nullable: true })
  limitMinor: string | null;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
