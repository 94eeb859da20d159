/** The shared request-path Redis connection (its own file, so providers of RedisModule can inject it). */
export const REDIS = Symbol('REDIS');
