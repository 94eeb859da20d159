import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../../common/errors/app.exception';

interface AccessClaims {
  sub: string;
  typ: 'access';
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async signAccess(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const ttl = this.config.accessTokenTtlSeconds;
    const token = await this.jwt.signAsync({ sub: userId, typ: 'access' } satisfies AccessClaims, {
      expiresIn: ttl,
      algorithm: 'HS256',
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** Returns the user id of a valid access token, or explains why it is not accepted. */
  async verifyAccess(token: string): Promise<string> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw AppException.unauthenticated('Access token has expired; call refreshSession or sign in again');
      }
      throw AppException.unauthenticated('Access token is invalid; sign in again');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
      throw AppException.unauthenticated('Access token is invalid; sign in again');
    }
    return claims.sub;
  }

  /** An opaque, high-entropy refresh token; only its SHA-256 is stored. */
  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      hash: this.hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
