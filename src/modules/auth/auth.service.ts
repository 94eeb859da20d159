import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuthUserCache, CachedUser } from '../users/auth-user-cache';
import { UserEntity } from '../users/user.entity';
import { AuthSessionModel } from './auth-session.model';
import { LoginInput } from './dto/login.input';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { SessionEndReason } from './session-end-reason';
import { sessionEnded, SessionService } from './session.service';
import { TokenService } from './token.service';

const BAD_CREDENTIALS = 'Email or password is incorrect';

/** A signed-in user's row with the state of the session the token names. */
interface SignedInRow extends CachedUser {
  /** null: no such session of this user. */
  sessionEndReason: SessionEndReason | 'LIVE' | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly signedIn: AuthUserCache,
  ) {}

  async login(input: LoginInput, address: string): Promise<AuthSessionModel> {
    const email = input.email.trim().toLowerCase();
    await this.rateLimiter.admit(email, address);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) {
      await this.rateLimiter.recordFailure(email, address);
      throw AppException.unauthenticated(BAD_CREDENTIALS);
    }
    if (!user.isActive) throw AppException.unauthenticated('This account has been deactivated; ask an admin');
    await this.rateLimiter.recordSuccess(email);
    return this.sessions.start(user);
  }

  /**
   * Resolves the user behind an access token, refusing a deactivated account or an ended
   * session on every request (from the row and session kept since the last change, see
   * AuthUserCache, or read now).
   */
  async authenticate(accessToken: string): Promise<AuthUser> {
    const { userId, sessionId } = await this.tokens.verifyAccess(accessToken);
    const kept = this.signedIn.get(userId, sessionId);
    const user = kept ?? (await this.readSignedIn(userId, sessionId));
    if (!user) throw AppException.unauthenticated('Access token is invalid; sign in again');
    if (!user.isActive) throw AppException.unauthenticated('This account has been deactivated; ask an admin');
    if (user !== kept) {
      const state = (user as SignedInRow).sessionEndReason;
      if (state === null) throw AppException.unauthenticated('Access token is invalid; sign in again');
      if (state !== 'LIVE') throw sessionEnded(state);
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }

  /** Reads the user and the session in one plain statement, and keeps them when live. */
  private async readSignedIn(id: string, sessionId: string): Promise<SignedInRow | undefined> {
    const ticket = this.signedIn.ticket();
    const [row]: SignedInRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.is_active AS "isActive",
              CASE WHEN s.id IS NULL THEN NULL ELSE coalesce(s.end_reason, 'LIVE') END AS "sessionEndReason"
         FROM users u LEFT JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id
        WHERE u.id = $1`,
      [id, sessionId],
    );
    if (row) {
      const { sessionEndReason, ...user } = row;
      this.signedIn.keep(ticket, user, sessionEndReason === 'LIVE' ? sessionId : undefined);
    }
    return row;
  }
}
