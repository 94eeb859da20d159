import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuthUserCache, CachedUser } from '../users/auth-user-cache';
import { UserEntity } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { AuthSessionModel } from './auth-session.model';
import { LoginInput } from './dto/login.input';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokenService } from './token.service';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const BAD_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
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
      await this.rateLimiter.recordFailure(email);
      throw AppException.unauthenticated(BAD_CREDENTIALS);
    }
    if (!user.isActive) throw AppException.unauthenticated('This account has been deactivated; ask an admin');
    await this.rateLimiter.recordSuccess(email);
    return withTransactionRetry(this.dataSource, (manager) => this.issueSession(manager, user, randomUUID()));
  }

  /** Rotates a refresh token. A token that was already used ends its whole session family. */
  async refresh(refreshToken: string): Promise<AuthSessionModel> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await withTransactionRetry(this.dataSource, async (manager) => {
      const stored = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored) return 'unknown' as const;
      if (stored.revokedAt) {
        await manager.update(RefreshTokenEntity, { familyId: stored.familyId }, { revokedAt: () => 'coalesce(revoked_at, now())' });
        return 'reused' as const;
      }
      if (stored.expiresAt.getTime() <= Date.now()) return 'expired' as const;
      const user = await manager.findOneBy(UserEntity, { id: stored.userId });
      if (!user?.isActive) return 'inactive' as const;
      await manager.update(RefreshTokenEntity, { id: stored.id }, { revokedAt: () => 'now()' });
      return this.issueSession(manager, user, stored.familyId);
    });
    switch (outcome) {
      case 'unknown':
        throw AppException.unauthenticated('Refresh token is not valid; sign in again');
      case 'reused':
        throw AppException.unauthenticated('Refresh token was already used; the session has ended, sign in again');
      case 'expired':
        throw AppException.unauthenticated('Session has expired; sign in again');
      case 'inactive':
        throw AppException.unauthenticated('This account has been deactivated; ask an admin');
      default:
        return outcome;
    }
  }

  async logout(refreshToken: string): Promise<boolean> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hash });
    if (!stored) return false;
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ familyId: stored.familyId }, { revokedAt: () => 'coalesce(revoked_at, now())' });
    return true;
  }

  /**
   * Resolves the user behind an access token, refusing deactivated accounts on every request
   * (from the row kept since the last change, see AuthUserCache, or read now).
   */
  async authenticate(accessToken: string): Promise<AuthUser> {
    const userId = await this.tokens.verifyAccess(accessToken);
    const user = this.signedIn.get(userId) ?? (await this.readUser(userId));
    if (!user) throw AppException.unauthenticated('Access token is invalid; sign in again');
    if (!user.isActive) throw AppException.unauthenticated('This account has been deactivated; ask an admin');
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }

  /** Reads the row with one plain statement (not a query the ORM builds each time) and keeps it. */
  private async readUser(id: string): Promise<CachedUser | undefined> {
    const ticket = this.signedIn.ticket();
    const [user]: CachedUser[] = await this.dataSource.query(
      `SELECT id, email, name, role, is_active AS "isActive" FROM users WHERE id = $1`,
      [id],
    );
    if (user) this.signedIn.keep(ticket, user);
    return user;
  }

  private async issueSession(manager: EntityManager, user: UserEntity, familyId: string): Promise<AuthSessionModel> {
    const access = await this.tokens.signAccess(user.id);
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: refresh.expiresAt,
    });
    return Object.assign(new AuthSessionModel(), {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
      user: UserModel.from(user),
    });
  }
}
