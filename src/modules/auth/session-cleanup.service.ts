import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTransactionRetry } from '../../common/database/transaction-retry';
import { Clock } from '../../common/clock/clock';

/**
 * Deletes what can no longer be used. Ended sessions are kept for 30 days so that a token
 * presented afterwards is told why its session ended instead of merely being unknown.
 */
@Injectable()
export class SessionCleanupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Refresh tokens expired over a day ago, then sessions ended over 30 days ago or left without tokens. */
  async purgeExpired(): Promise<{ tokens: number; sessions: number }> {
    // expires_at comes from the machine's clock (token.service.ts), which the Clock is outside tests.
    const now = this.clock.now();
    return withTransactionRetry(this.dataSource, async (manager) => {
      const [, tokens] = await manager.query(`DELETE FROM refresh_tokens WHERE expires_at < $1::timestamptz - interval '1 day'`, [now]);
      const [, sessions] = await manager.query(
        `DELETE FROM auth_sessions s
          WHERE s.ended_at < $1::timestamptz - interval '30 days'
             OR NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id)`,
        [now],
      );
      return { tokens: tokens as number, sessions: sessions as number };
    });
  }
}
