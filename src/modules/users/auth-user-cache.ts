import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { AuthUser } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';

/** The channel of migration 1765200000000-user-change-notices: the payload is the user's id. */
export const USER_CHANGED_CHANNEL = 'regain_user_changed';
/** The channel of migration 1766200000000-auth-sessions: the payload is the ended session's id. */
export const SESSION_ENDED_CHANNEL = 'regain_session_ended';
const RECONNECT_MS = 1000;
const MAX_USERS = 10_000;
const MAX_SESSIONS = 20_000;

export interface CachedUser extends AuthUser {
  isActive: boolean;
}

/**
 * The signed-in users' rows and their live sessions, kept between requests so that a request
 * costs no statement of its own to learn who is asking, while a role change, a deactivation or
 * the end of a session (logout) still applies at once.
 *
 * A trigger on `users` sends a NOTIFY at commit; this process LISTENs on a connection of its own
 * and forgets the user named (likewise a trigger on `auth_sessions` names each session that
 * ends). It keeps rows only while it knows that it hears those notices: from when a probe it
 * sends itself comes back on that connection (which a transaction-pooling proxy, where LISTEN
 * cannot work, would not deliver) until the connection fails; then it forgets
 * everything and, until it listens again, every request reads the row. A row read while a notice
 * arrived (or the connection changed) is not kept, since it may predate the change. Rows also
 * expire after USER_CACHE_SECONDS, and the process that changes a user forgets it itself.
 */
@Injectable()
export class AuthUserCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuthUserCache.name);
  private readonly users: LRUCache<string, CachedUser> | null;
  /** Live sessions: session id → user id. */
  private readonly sessions: LRUCache<string, string> | null;
  /** Bumped by every notice and every change of connection: a read started before it is not kept. */
  private epoch = 0;
  /** The connection being set up or listening now. */
  private client: Client | null = null;
  /** The probe the current connection waits for before rows are kept. */
  private probe: string | null = null;
  private live = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly config: AppConfig) {
    const keep = config.userCacheSeconds > 0;
    this.users = keep ? new LRUCache({ max: MAX_USERS, ttl: config.userCacheSeconds * 1000 }) : null;
    this.sessions = keep ? new LRUCache({ max: MAX_SESSIONS, ttl: config.userCacheSeconds * 1000 }) : null;
  }

  /** Whether rows are kept now (the notices are heard). */
  get listening(): boolean {
    return this.live;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.users) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.forgetAll();
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The user's row if it and this live session of theirs are kept; undefined means read both (then `keep`). */
  get(id: string, sessionId: string): CachedUser | undefined {
    if (!this.live || this.sessions?.get(sessionId) !== id) return undefined;
    return this.users?.get(id);
  }

  /** Call before reading a row; pass the result to `keep` with what was read. */
  ticket(): number {
    return this.epoch;
  }

  /** Keeps the user's row, and the session as live when it was read live. */
  keep(ticket: number, user: CachedUser, liveSessionId?: string): void {
    if (!this.live || ticket !== this.epoch) return;
    this.users?.set(user.id, user);
    if (liveSessionId) this.sessions?.set(liveSessionId, user.id);
  }

  /** Forgets a user this process has just changed (the notice will follow for the others). */
  forget(id: string): void {
    this.epoch += 1;
    this.users?.delete(id);
  }

  /** Forgets a session this process has just ended (the notice will follow for the others). */
  forgetSession(id: string): void {
    this.epoch += 1;
    this.sessions?.delete(id);
  }

  private forgetAll(): void {
    this.live = false;
    this.epoch += 1;
    this.users?.clear();
    this.sessions?.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'regain-user-changes', keepAlive: true });
    this.client = client;
    this.probe = `probe:${randomUUID()}`;
    client.on('notification', (notice) => this.heard(client, notice));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${USER_CHANGED_CHANNEL}`);
      await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
      await client.query(`SELECT pg_notify($1, $2)`, [USER_CHANGED_CHANNEL, this.probe]);
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private heard(client: Client, notice: Notification): void {
    if (client !== this.client) return;
    if (notice.payload === this.probe) {
      this.probe = null;
      this.epoch += 1;
      this.live = true;
    } else if (notice.payload && notice.channel === SESSION_ENDED_CHANNEL) {
      this.forgetSession(notice.payload);
    } else if (notice.payload) {
      this.forget(notice.payload);
    }
  }

  private lost(client: Client, error: Error | null): void {
    if (client !== this.client) return;
    this.client = null;
    this.forgetAll();
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`Not hearing user changes (${error?.message ?? 'connection ended'}); reading users on every request until listening again`);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closed) void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
