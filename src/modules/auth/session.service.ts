import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { withTransactionRetry } from '../../common/database/transaction-retry';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuthUserCache } from '../users/auth-user-cache';
import { UserEntity } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { AuthSessionModel } from './auth-session.model';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEndReason, sessionEndedMessage } from './session-end-reason';
import { SessionEntity } from './session.entity';
import { TokenService } from './token.service';

interface PresentedToken {
  id: string;
  sessionId: string;
  userId: string;
  usedAt: Date | null;
  expiresAt: Date;
  endReason: SessionEndReason | null;
}

type RefreshOutcome =
  | AuthSessionModel
  | { refused: 'unknown' | 'expired' | 'inactive' }
  | { refused: 'ended'; reason: SessionEndReason; sessionId?: string };

/** The refusal of a token of an ended session, with the reason for a client to act on. */
export function sessionEnded(reason: SessionEndReason): AppException {
  return new AppException(ErrorCode.Unauthenticated, sessionEndedMessage(reason), { sessionEndReason: reason });
}

/**
 * Sessions: started by a sign-in, carried on by rotating refresh tokens, ended by logout, by a
 * replayed refresh token or by deactivation. Ending one stops its access tokens on every API
 * process at once (the trigger's notice, see AuthUserCache).
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly signedIn: AuthUserCache,
    private readonly clock: Clock,
  ) {}

  async start(user: UserEntity): Promise<AuthSessionModel> {
    const now = this.clock.now();
    return withTransactionRetry(this.dataSource, async (manager) => {
      const sessionId = randomUUID();
      await manager.insert(SessionEntity, { id: sessionId, userId: user.id, createdAt: now });
      return this.issueTokens(manager, user, sessionId);
    });
  }

  /** A session for a user without their password: for benches and tests that cannot sign in. */
  async startFor(userId: string): Promise<AuthSessionModel> {
    return this.start(await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId }));
  }

  /**
   * Trades a refresh token for the next one. A token presented a second time ends its session
   * (someone else may hold a copy), and says so; so does any token of a session already ended.
   */
  async refresh(refreshToken: string): Promise<AuthSessionModel> {
    const now = this.clock.now();
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await withTransactionRetry(this.dataSource, async (manager): Promise<RefreshOutcome> => {
      // The session row is locked too: two refreshes of one session take turns.
      const [token]: PresentedToken[] = await manager.query(
        `SELECT t.id, t.session_id AS "sessionId", s.user_id AS "userId", t.used_at AS "usedAt",
                t.expires_at AS "expiresAt", s.end_reason AS "endReason"
           FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1
            FOR UPDATE OF t, s`,
        [hash],
      );
      if (!token) return { refused: 'unknown' };
      if (token.endReason) return { refused: 'ended', reason: token.endReason };
      if (token.usedAt) {
        await this.end(manager, token.sessionId, SessionEndReason.REFRESH_TOKEN_REPLAYED, now);
        return { refused: 'ended', reason: SessionEndReason.REFRESH_TOKEN_REPLAYED, sessionId: token.sessionId };
      }
      if (this.tokens.refreshTokenExpired(token.expiresAt)) return { refused: 'expired' };
      const user = await manager.findOneBy(UserEntity, { id: token.userId });
      if (!user?.isActive) return { refused: 'inactive' };
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: now });
      return this.issueTokens(manager, user, token.sessionId);
    });
    if (outcome instanceof AuthSessionModel) return outcome;
    if (outcome.refused === 'ended' && outcome.sessionId) this.signedIn.forgetSession(outcome.sessionId);
    switch (outcome.refused) {
      case 'unknown':
        throw AppException.unauthenticated('Refresh token is not valid; sign in again');
      case 'expired':
        throw AppException.unauthenticated('Session has expired; sign in again');
      case 'inactive':
        throw AppException.unauthenticated('This account has been deactivated; ask an admin');
      case 'ended':
        throw sessionEnded(outcome.reason);
    }
  }

  /** Ends the session the refresh token belongs to; false if the token is unknown. */
  async logout(refreshToken: string): Promise<boolean> {
    const now = this.clock.now();
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const ended = await withTransactionRetry(this.dataSource, async (manager) => {
      const [token]: { sessionId: string }[] = await manager.query(
        `SELECT session_id AS "sessionId" FROM refresh_tokens WHERE token_hash = $1`,
        [hash],
      );
      if (token) await this.end(manager, token.sessionId, SessionEndReason.LOGOUT, now);
      return token?.sessionId;
    });
    if (ended) this.signedIn.forgetSession(ended);
    return ended !== undefined;
  }

  /**
   * Ends a live session (an ended one keeps its first reason). Every process forgets it when the
   * trigger's notice comes after commit; the caller makes this one forget it at once as well.
   */
  private async end(manager: EntityManager, sessionId: string, reason: SessionEndReason, now: Date): Promise<void> {
    await manager.query(`UPDATE auth_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`, [
      sessionId,
      now,
      reason,
    ]);
  }

  private async issueTokens(manager: EntityManager, user: UserEntity, sessionId: string): Promise<AuthSessionModel> {
    const access = await this.tokens.signAccess({ userId: user.id, sessionId });
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshTokenEntity, { userId: user.id, sessionId, tokenHash: refresh.hash, expiresAt: refresh.expiresAt });
    return Object.assign(new AuthSessionModel(), {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
      user: UserModel.from(user),
    });
  }
}
