import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { REDIS } from '../../common/redis/redis.module';

/**
 * Brute-force protection for sign-in, kept in Redis so every API replica shares the counts.
 * Failures are what is limited: per account (guessing one password; reset by a success there)
 * and per client address (guessing across accounts; never reset by a success, which any
 * account of the guesser's own would give). Successes only count towards a far higher ceiling
 * on all attempts per address, so a whole office behind one address can sign in at 09:00.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private readonly failuresPerAccount: RateLimiterRedis;
  private readonly failuresPerAddress: RateLimiterRedis;
  private readonly attemptsPerAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        useRedisPackage: false,
        duration: config.loginWindowSeconds,
        keyPrefix: `${config.redisPrefix}:${name}`,
        points,
      });
    this.failuresPerAccount = limiter('login-fail-account', config.loginMaxFailuresPerAccount);
    this.failuresPerAddress = limiter('login-fail-address', config.loginMaxFailuresPerAddress);
    this.attemptsPerAddress = limiter('login-address', config.loginMaxAttemptsPerAddress);
  }

  /**
   * Counts an attempt from this address and refuses it, before the password is checked, when
   * the address has made too many attempts or failures, or the account has had too many failures.
   */
  async admit(email: string, address: string): Promise<void> {
    try {
      await this.attemptsPerAddress.consume(address);
    } catch (rejection) {
      throw this.limited(rejection, 'Too many sign-in attempts from this address');
    }
    const [addressFailures, accountFailures] = await Promise.all([
      this.failuresPerAddress.get(address),
      this.failuresPerAccount.get(email),
    ]).catch((error: unknown) => {
      throw this.limited(error, '');
    });
    if (addressFailures && addressFailures.remainingPoints <= 0) {
      throw this.limited(addressFailures, 'Too many failed sign-in attempts from this address');
    }
    if (accountFailures && accountFailures.remainingPoints <= 0) {
      throw this.limited(accountFailures, 'Too many failed sign-in attempts for this account');
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.failuresPerAccount.penalty(email, 1), this.failuresPerAddress.penalty(address, 1)]);
  }

  /** A success clears the account's failures (the person got it right), not the address's. */
  async recordSuccess(email: string): Promise<void> {
    await this.failuresPerAccount.delete(email);
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
