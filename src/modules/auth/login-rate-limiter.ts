import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { REDIS } from '../../common/redis/redis.module';

/**
 * Brute-force protection for sign-in, kept in Redis so every API replica shares the counts:
 * consecutive failures per account (reset by a success) and all attempts per client address.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const common = { storeClient: redis, duration: config.loginWindowSeconds, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:login-fail-account`,
      points: config.loginMaxFailuresPerAccount,
    });
    this.perAddress = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:login-address`,
      points: config.loginMaxAttemptsPerAddress,
    });
  }

  /** Counts an attempt from this address and refuses if the address or the account is locked out. */
  async admit(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (rejection) {
      throw this.limited(rejection, 'Too many sign-in attempts from this address');
    }
    const account = await this.perAccount.get(email);
    if (account && account.remainingPoints <= 0) {
      throw this.limited(account, 'Too many failed sign-in attempts for this account');
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.perAccount.penalty(email, 1);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  private limited(rejection: unknown, message: string): AppException {
    if (rejection instanceof AppException) return rejection;
    if (!(rejection instanceof RateLimiterRes)) {
      // Fails closed: without Redis the attempts cannot be counted, so sign-in waits rather than
      // opening the door to password guessing. Signed-in sessions keep working (tokens need no Redis).
      this.logger.warn(`Login rate limiter unavailable: ${rejection instanceof Error ? rejection.message : String(rejection)}`);
      return new AppException(ErrorCode.RateLimited, 'Sign-in is briefly unavailable because attempts cannot be counted; try again in 30 s', {
        retryAfterSeconds: 30,
      });
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    return new AppException(ErrorCode.RateLimited, `${message}; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
