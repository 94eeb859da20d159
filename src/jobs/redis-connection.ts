import { ConnectionOptions } from 'bullmq';

/** BullMQ's own connection options, which take the same REDIS_URL as the rest of the service. */
export function redisConnectionOptions(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
