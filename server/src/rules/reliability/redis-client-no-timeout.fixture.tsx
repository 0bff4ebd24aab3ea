import Redis, { type RedisOptions } from 'ioredis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://redis:6379';
const shared: RedisOptions = { host: 'redis', commandTimeout: 500 };

// ruleid: redis-client-no-timeout
export const sessions = new Redis(REDIS_URL);
// ruleid: redis-client-no-timeout
export const cache = new Redis({ host: 'redis', port: 6379, maxRetriesPerRequest: 3 });
// ruleid: redis-client-no-timeout
export const limits = new Redis(6379, 'redis');
// ruleid: redis-client-no-timeout
export const cluster = new Redis.Cluster([{ host: 'redis-0', port: 6379 }]);
// ok: redis-client-no-timeout
export const fast = new Redis(REDIS_URL, { commandTimeout: 500 });
// ok: redis-client-no-timeout
export const configured = new Redis(shared);
// ok: redis-client-no-timeout
export const spread = new Redis({ ...shared, db: 2 });
// ok: redis-client-no-timeout
export const clusterOk = new Redis.Cluster([{ host: 'redis-0', port: 6379 }], { redisOptions: shared });
