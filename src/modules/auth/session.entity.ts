import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SessionEndReason } from './session-end-reason';

/**
 * What one sign-in starts: its refresh tokens rotate within it, and its access tokens carry its
 * id (`sid`), so ending it (logout, a replayed refresh token, deactivation) stops them all at once.
 */
@Entity('auth_sessions')
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: SessionEndReason | null;
}
