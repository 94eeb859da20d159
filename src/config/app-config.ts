import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { tmpdir } from 'node:os';

/** The development-only token secret; the service refuses to start with it in production. */
export const DEV_JWT_SECRET = 'regain-local-development-secret-do-not-use-in-production';
export const DEV_ADMIN_PASSWORD = 'regain-admin-demo';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/**
 * Every setting the service reads, validated once at boot. Only this file reads
 * `process.env`; everything else receives an `AppConfig`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production' = 'development';

  @IsString()
  host = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsString()
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/regain';

  @IsString()
  redisUrl = 'redis://127.0.0.1:6379';

  /** Key prefix for everything this deployment keeps in Redis (queues, rate limits). */
  @IsString()
  redisPrefix = 'regain';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  jwtSecret = DEV_JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  accessTokenTtlSeconds = 15 * 60;

  /**
   * How long an API process may keep a signed-in user's row between requests (0: read it on
   * every request). Changes reach every process at once through LISTEN/NOTIFY; this bounds how
   * stale a row could get if a notice were ever lost.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  userCacheSeconds = 60;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  refreshTokenTtlSeconds = 30 * 24 * 3600;

  @IsEmail()
  adminEmail = 'admin@regain.local';

  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters long' })
  adminPassword = DEV_ADMIN_PASSWORD;

  @IsString()
  adminName = 'Regain Administrator';

  /** Trust X-Forwarded-For from a load balancer in front (needed for per-address login limits). */
  @Transform(toBool)
  @IsBoolean()
  trustProxy = false;

  @Transform(toBool)
  @IsBoolean()
  runMigrations = true;

  @Transform(toBool)
  @IsBoolean()
  loadDemoData = true;

  /** Consume the job queues inside the API process too: handy on one machine, off in production. */
  @Transform(toBool)
  @IsBoolean()
  runWorkerInProcess = true;

  @Transform(toBool)
  @IsBoolean()
  graphqlIntrospection = true;

  @Transform(toBool)
  @IsBoolean()
  graphqlSandbox = true;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  graphqlMaxDepth = 10;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  /** See src/common/graphql/cost/query-cost.ts: about the number of objects one answer may hold. */
  graphqlMaxCost = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  graphqlMaxAliases = 15;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  graphqlMaxTokens = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  bodyLimitBytes = 256 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginMaxFailuresPerAccount = 5;

  /**
   * Failed sign-ins from one client address per window, over all accounts: guessing across
   * many accounts from one place. Successes do not count, so one office behind one address
   * signs in as many people as it has.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginMaxFailuresPerAddress = 50;

  /** Every sign-in attempt from one client address per window: a far higher ceiling on load. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginMaxAttemptsPerAddress = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginWindowSeconds = 15 * 60;

  /** Contact fatigue: most outbound touches one stakeholder gets per week, across cadences. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  outreachWeeklyTouchLimit = 3;

  /** Largest CSV an import accepts; the GraphQL body limit does not apply to the upload route. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  importMaxFileBytes = 200 * 1024 * 1024;

  /**
   * Hours an uploaded or validated import may sit unstarted before its staging table is dropped
   * (the hourly cleanup); starting it later reads the stored file again.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  importStageIdleHours = 24;

  /** Where an upload is written while it arrives, before it is stored in PostgreSQL (then removed). */
  @IsString()
  importSpoolDir = tmpdir();

  /** Bytes one CSV row may take (quoted line breaks included); a larger row is rejected, not parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  importMaxRecordBytes = 1024 * 1024;

  /** Fields one CSV row (and the header) may have; a row over it is rejected, not parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  importMaxFields = 500;

  /** Uploads one person may have in progress at once (across API replicas, kept in Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  maxUploadsPerUser = 2;

  /** CSV exports one person may have in progress at once (across API replicas, kept in Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  maxExportsPerUser = 2;

  /** Longest an upload or export slot is held if its process dies without giving it back. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  slotLeaseSeconds = 3600;

  /** Connections of the exports' own pool, apart from the API's, so slow readers never take those. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  exportPoolSize = 3;

  /** Longest one export may stream (its statement's timeout): a reader slower than that is cut off. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  exportStatementTimeoutMs = 10 * 60 * 1000;

  /** statement_timeout of the API's connections (0: none). Workers are not bound by it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  dbStatementTimeoutMs = 30_000;

  /** idle_in_transaction_session_timeout of the API's connections and the export pool's (0: none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  dbIdleInTransactionTimeoutMs = 60_000;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

/** Environment variable name for each setting. */
const ENV_NAMES: Record<string, keyof AppConfig> = {
  NODE_ENV: 'nodeEnv',
  HOST: 'host',
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  REDIS_PREFIX: 'redisPrefix',
  JWT_SECRET: 'jwtSecret',
  ACCESS_TOKEN_TTL_SECONDS: 'accessTokenTtlSeconds',
  USER_CACHE_SECONDS: 'userCacheSeconds',
  REFRESH_TOKEN_TTL_SECONDS: 'refreshTokenTtlSeconds',
  ADMIN_EMAIL: 'adminEmail',
  ADMIN_PASSWORD: 'adminPassword',
  ADMIN_NAME: 'adminName',
  TRUST_PROXY: 'trustProxy',
  RUN_MIGRATIONS: 'runMigrations',
  LOAD_DEMO_DATA: 'loadDemoData',
  RUN_WORKER_IN_PROCESS: 'runWorkerInProcess',
  GRAPHQL_INTROSPECTION: 'graphqlIntrospection',
  GRAPHQL_SANDBOX: 'graphqlSandbox',
  GRAPHQL_MAX_DEPTH: 'graphqlMaxDepth',
  GRAPHQL_MAX_COST: 'graphqlMaxCost',
  GRAPHQL_MAX_ALIASES: 'graphqlMaxAliases',
  GRAPHQL_MAX_TOKENS: 'graphqlMaxTokens',
  BODY_LIMIT_BYTES: 'bodyLimitBytes',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: 'loginMaxFailuresPerAccount',
  LOGIN_MAX_FAILURES_PER_ADDRESS: 'loginMaxFailuresPerAddress',
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: 'loginMaxAttemptsPerAddress',
  LOGIN_WINDOW_SECONDS: 'loginWindowSeconds',
  OUTREACH_WEEKLY_TOUCH_LIMIT: 'outreachWeeklyTouchLimit',
  IMPORT_MAX_FILE_BYTES: 'importMaxFileBytes',
  IMPORT_STAGE_IDLE_HOURS: 'importStageIdleHours',
  IMPORT_SPOOL_DIR: 'importSpoolDir',
  IMPORT_MAX_RECORD_BYTES: 'importMaxRecordBytes',
  IMPORT_MAX_FIELDS: 'importMaxFields',
  MAX_UPLOADS_PER_USER: 'maxUploadsPerUser',
  MAX_EXPORTS_PER_USER: 'maxExportsPerUser',
  SLOT_LEASE_SECONDS: 'slotLeaseSeconds',
  EXPORT_POOL_SIZE: 'exportPoolSize',
  EXPORT_STATEMENT_TIMEOUT_MS: 'exportStatementTimeoutMs',
  DB_STATEMENT_TIMEOUT_MS: 'dbStatementTimeoutMs',
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'dbIdleInTransactionTimeoutMs',
};

export class ConfigError extends Error {}

/**
 * Builds the configuration from environment variables (plus overrides, used by tests).
 * In production, features meant for development default to off, and default secrets
 * are refused.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [envName, key] of Object.entries(ENV_NAMES)) {
    const value = env[envName];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const production = (raw.nodeEnv ?? overrides.nodeEnv) === 'production';
  if (production) {
    raw.graphqlIntrospection ??= 'false';
    raw.graphqlSandbox ??= 'false';
    raw.loadDemoData ??= 'false';
    raw.runWorkerInProcess ??= 'false';
  }
  const config = plainToInstance(AppConfig, { ...raw, ...overrides });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const envNameOf = Object.fromEntries(Object.entries(ENV_NAMES).map(([envName, key]) => [key, envName]));
    const details = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((message) => `${envNameOf[e.property] ?? e.property}: ${message}`),
    );
    throw new ConfigError(`Invalid configuration: ${details.join('; ')}`);
  }
  if (config.isProduction) {
    if (!env.JWT_SECRET && !overrides.jwtSecret) {
      throw new ConfigError('JWT_SECRET must be set in production');
    }
    if (config.jwtSecret === DEV_JWT_SECRET) {
      throw new ConfigError('JWT_SECRET must not be the development default in production');
    }
    if (config.adminPassword === DEV_ADMIN_PASSWORD) {
      throw new ConfigError('ADMIN_PASSWORD must not be the development default in production');
    }
  }
  return config;
}
