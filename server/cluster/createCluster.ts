/** The cluster the configuration asks for: over Redis when REDIS_URL is set, else in process (Redis's client is then never loaded). */
import type { Config } from '../config.ts'
import type { Cluster, ClusterObserver } from './cluster.ts'
import { LocalCluster } from './localCluster.ts'

export async function createCluster(config: Pick<Config, 'redis'>, observer: ClusterObserver): Promise<Cluster> {
  if (!config.redis.url) return new LocalCluster()
  const { RedisCluster } = await import('./redisCluster.ts')
  return new RedisCluster({ url: config.redis.url, prefix: config.redis.prefix, commandTimeoutMs: config.redis.commandTimeoutMs, observer })
}
