/**
 * Where the request-rate limits (@fastify/rate-limit) count: in this process's memory, or in Redis
 * when REDIS_URL is set, so that tries spread over several app instances add up to one count.
 *
 * If Redis cannot be reached, requests go through uncounted rather than failing: the portal stays
 * up, and the limits that guard accounts (sign-in lock-outs, attempt windows) live in the database
 * and still hold.
 */
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

export interface RateLimitStore {
  options: RateLimitPluginOptions;
  close(): Promise<void>;
}

export function rateLimitStore(
  redisUrl: string | undefined,
  prefix: string,
  log: { warn(obj: object, msg: string): void },
): RateLimitStore {
  if (redisUrl === undefined) return { options: { global: false }, close: async () => {} };
  const redis = new Redis(redisUrl, {
    // A request waits at most this long for the count; then it is let through (skipOnError).
    connectTimeout: 2000,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    // ioredis retries by itself; one line a minute says so without flooding the log.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    log.warn({ err: error }, 'Redis for rate limits unreachable; requests are not being counted');
  });
  return {
    options: { global: false, redis, nameSpace: `${prefix}rate:`, skipOnError: true },
    async close() {
      redis.disconnect();
    },
  };
}
