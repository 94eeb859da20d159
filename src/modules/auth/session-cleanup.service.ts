import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Deletes refresh tokens that can no longer be used. Revoked tokens are kept for a while so
 * that a replayed token is still recognised (and ends its session family) instead of being
 * merely unknown.
 */
@Injectable()
export class SessionCleanupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purgeExpired(): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM refresh_tokens
        WHERE expires_at < now() - interval '1 day'
           OR revoked_at < now() - interval '30 days'`,
    );
    return deleted as number;
  }
}
