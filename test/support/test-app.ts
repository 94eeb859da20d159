import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock/clock';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { QueryCounter } from '../../src/database/query-counter';
import { UserRole } from '../../src/modules/users/user-role.enum';
import { UsersService } from '../../src/modules/users/users.service';
import { WorkerModule } from '../../src/worker.module';
import { databaseUrl, quoteIdent, withAdminClient } from './test-databases';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

export interface SignedIn {
  id: string;
  email: string;
  role: UserRole;
  token: string;
}

export const ADMIN_EMAIL = 'admin@regain.test';
export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const USER_PASSWORD = 'user-password-for-tests';

/**
 * One running application per test suite, on its own database cloned from the migrated
 * template, with its own Redis key prefix.
 */
export class TestApp {
  private userCounter = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly dataSource: DataSource,
    readonly queries: QueryCounter,
    private readonly database: string,
    /** The clock the app reads (the system clock when undefined); a worker started here reads it too. */
    private readonly clock: Clock | undefined,
    /** False for a replica, which leaves the database to the app that made it. */
    private readonly ownsDatabase = true,
  ) {}

  /** Starts the app; `options.clock` fixes the clock every rule reads (a `ManualClock`). */
  static async start(overrides: Partial<AppConfig> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
    const template = process.env.REGAIN_TEST_TEMPLATE_DB;
    if (!template) throw new Error('REGAIN_TEST_TEMPLATE_DB is not set: run the tests through jest (globalSetup)');
    const database = `${template}_${randomBytes(4).toString('hex')}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(template)}`));
    const config = loadConfig(
      {},
      {
        nodeEnv: 'test',
        databaseUrl: databaseUrl(database),
        redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        redisPrefix: `regain-test:${database}`,
        adminEmail: ADMIN_EMAIL,
        adminPassword: ADMIN_PASSWORD,
        // A kept user row expires by wall time; on a loaded machine a suite outlasts 60 s, and a
        // statement count would then depend on how slow the machine was (the notices still apply).
        userCacheSeconds: 3600,
        runWorkerInProcess: false,
        ...overrides,
      },
    );
    const queries = new QueryCounter();
    const app = await createApp({ config, schemaFile: true, queryCounter: queries, clock: options.clock });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminName, config.adminPassword);
    return new TestApp(app, config, dataSource, queries, database, options.clock);
  }

  /**
   * Another API process on this app's database and Redis, as a second machine behind the load
   * balancer would be.
   */
  async startReplica(options: { clock?: Clock } = {}): Promise<TestApp> {
    const queries = new QueryCounter();
    const app = await createApp({ config: this.config, schemaFile: true, queryCounter: queries, clock: options.clock });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, this.config, app.get<DataSource>(getDataSourceToken()), queries, this.database, options.clock, false);
  }

  /** A separate worker process's context on this app's database, Redis prefix and clock; the caller closes it. */
  startWorker(): Promise<INestApplicationContext> {
    return NestFactory.createApplicationContext(WorkerModule.forRoot(this.config, this.clock), { logger: ['error'] });
  }

  async close(): Promise<void> {
    await this.app.close();
    if (!this.ownsDatabase) return;
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(this.database)} WITH (FORCE)`));
  }

  /** Runs one GraphQL operation over HTTP, as a client would. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json() as { data?: T; errors?: GqlError[] };
    return { status: response.statusCode, data: body.data ?? undefined, errors: body.errors };
  }

  /** Like gql, but fails the test on any error, returning data. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return result.data as T;
  }

  async login(email: string, password: string): Promise<string> {
    const result = await this.gql<{ login: { accessToken: string } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password } },
    );
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  }

  async signInAdmin(): Promise<SignedIn> {
    const token = await this.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const me = await this.ok<{ me: { id: string } }>(`{ me { id } }`, {}, token);
    return { id: me.me.id, email: ADMIN_EMAIL, role: UserRole.ADMIN, token };
  }

  /** Creates a user with the role through the API (as the configured admin) and signs them in. */
  async signInAs(role: UserRole, name?: string): Promise<SignedIn> {
    this.userCounter += 1;
    const email = `${role.toLowerCase().replace('_', '-')}-${this.userCounter}@regain.test`;
    const admin = await this.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await this.ok<{ createUser: { id: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email, name: name ?? `Test ${role} ${this.userCounter}`, role, password: USER_PASSWORD } },
      admin,
    );
    return { id: created.createUser.id, email, role, token: await this.login(email, USER_PASSWORD) };
  }

  /** Signs in one user of each role. */
  async signInEveryRole(): Promise<Record<UserRole, SignedIn>> {
    const entries = await Promise.all(Object.values(UserRole).map(async (role) => [role, await this.signInAs(role)] as const));
    return Object.fromEntries(entries) as Record<UserRole, SignedIn>;
  }

  /** Counts the SQL statements `work` causes. */
  async countQueries(work: () => Promise<unknown>): Promise<number> {
    const before = this.queries.count;
    await work();
    return this.queries.count - before;
  }

  /** Number of rows of a table, for asserting that a failed mutation wrote nothing. */
  async rowCount(table: string): Promise<number> {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table ${table}`);
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n as number;
  }
}

export function errorCode(response: GqlResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
