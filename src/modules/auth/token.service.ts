import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../../common/errors/app.exception';

interface AccessClaims {
  sub: string;
  /** The session (auth_sessions.id): ending it stops the token at once. */
  sid: string;
  typ: 'access';
}

/**
 * Token lifetimes run on the machine's clock, not the injectable Clock: they are a security
 * bound, not a rule of the domain, and a suite that moves its Clock across days keeps its
 * signed-in users.
 */
function machineNow(): number {
  return Date.now();
}

export interface AccessTokenSubject {
  userId: string;
  sessionId: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async signAccess(subject: AccessTokenSubject): Promise<{ token: string; expiresAt: Date }> {
    const ttl = this.config.accessTokenTtlSeconds;
    const iat = Math.floor(machineNow() / 1000);
    const claims: AccessClaims = { sub: subject.userId, sid: subject.sessionId, typ: 'access' };
    const token = await this.jwt.signAsync({ ...claims, iat }, { expiresIn: ttl, algorithm: 'HS256' });
    return { token, expiresAt: new Date((iat + ttl) * 1000) };
  }

  /** Returns the user and session of a valid access token, or explains why it is not accepted. */
  async verifyAccess(token: string): Promise<AccessTokenSubject> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'], clockTimestamp: Math.floor(machineNow() / 1000) });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw AppException.unauthenticated('Access token has expired; call refreshSession or sign in again');
      }
      throw AppException.unauthenticated('Access token is invalid; sign in again');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
      throw AppException.unauthenticated('Access token is invalid; sign in again');
    }
    if (typeof claims.sid !== 'string') {
      // Issued before sessions were checked on every request (at most ACCESS_TOKEN_TTL_SECONDS ago).
      throw AppException.unauthenticated('Access token names no session; call refreshSession or sign in again');
    }
    return { userId: claims.sub, sessionId: claims.sid };
  }

  /** An opaque, high-entropy refresh token; only its SHA-256 is stored. */
  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      hash: this.hashRefreshToken(token),
      expiresAt: new Date(machineNow() + this.config.refreshTokenTtlSeconds * 1000),
    };
  }

  /** Whether a refresh token's lifetime is over. */
  refreshTokenExpired(expiresAt: Date): boolean {
    return expiresAt.getTime() <= machineNow();
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
