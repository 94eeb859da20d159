import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock/clock';
import { AppConfig } from '../../config/app-config';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { REDIS } from '../redis/redis.token';

/** What a slot is taken for; each has its own per-user limit. */
export type SlotKind = 'upload' | 'export';

/** Drops expired leases, then takes one if fewer than the limit are held: atomic, so replicas never overshoot. */
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * How many uploads and exports one person may have in progress at once (issue 19: a few slow
 * clients must not take every connection). The slots live in Redis, as leases in a sorted set
 * per user, so the limit holds across API replicas; a lease a crashed process never gave back
 * expires after SLOT_LEASE_SECONDS. While Redis is unreachable each API process counts its own
 * (the limit then holds per process, not per deployment), so uploads and exports keep working.
 */
@Injectable()
export class PerUserSlots {
  private readonly logger = new Logger(PerUserSlots.name);
  private readonly local = new Map<string, number>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Takes a slot or refuses with RATE_LIMITED; the returned function gives it back (safe to call twice). */
  async take(kind: SlotKind, userId: string): Promise<() => Promise<void>> {
    const limit = kind === 'upload' ? this.config.maxUploadsPerUser : this.config.maxExportsPerUser;
    const key = `${this.config.redisPrefix}:slots:${kind}:${userId}`;
    const token = randomUUID();
    const now = this.clock.now().getTime();
    const leaseMs = this.config.slotLeaseSeconds * 1000;
    let taken: boolean;
    try {
      taken = (await this.redis.eval(TAKE, 1, key, now, now + leaseMs, token, limit, leaseMs)) === 1;
    } catch (error) {
      this.logger.warn(`Per-user limits fall back to this process (Redis: ${error instanceof Error ? error.message : String(error)})`);
      return this.takeLocally(key, limit, kind);
    }
    if (!taken) throw this.refusal(kind, limit);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.redis.zrem(key, token).catch(() => undefined);
    };
  }

  private takeLocally(key: string, limit: number, kind: SlotKind): () => Promise<void> {
    const held = this.local.get(key) ?? 0;
    if (held >= limit) throw this.refusal(kind, limit);
    this.local.set(key, held + 1);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      const left = (this.local.get(key) ?? 1) - 1;
      if (left <= 0) this.local.delete(key);
      else this.local.set(key, left);
    };
  }

  private refusal(kind: SlotKind, limit: number): AppException {
    const setting = kind === 'upload' ? 'MAX_UPLOADS_PER_USER' : 'MAX_EXPORTS_PER_USER';
    return new AppException(ErrorCode.RateLimited, `You already have ${limit} ${kind}s in progress (${setting}); wait for one to finish`, {
      retryAfterSeconds: 5,
    });
  }
}
