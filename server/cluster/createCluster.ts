/** The cluster the configuration asks for: over Redis when REDIS_URL is set, else in process. */
import type { Config } from '../config.ts'
import type { Cluster, ClusterObserver } from './cluster.ts'
import { LocalCluster } from './localCluster.ts'
import { RedisCluster } from './redisCluster.ts'

export function createCluster(config: Pick<Config, 'redis'>, observer: ClusterObserver): Cluster {
  if (!config.redis.url) return new LocalCluster()
  return new RedisCluster({ url: config.redis.url, prefix: config.redis.prefix, observer })
}
