import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** A start-up node of a Redis Cluster; the client learns the others (and who owns which slot) from it. */
export interface RedisNode {
  host: string;
  port: number;
}

export type RedisClient = Redis | Cluster;

/** A bare URL (tests, tools) or the runtime's settings: with cluster nodes every connection is a Cluster client. */
export type RedisTarget = string | { redisUrl: string; redisClusterNodes: readonly RedisNode[] };

/**
 * Redis Cluster hashes only the part of a key between its first `{` and the next `}` (when that is
 * not empty), so keys carrying the same tag share a slot. BullMQ's scripts touch many keys of a
 * queue at once, so on a cluster the queue prefix must carry a tag; our own keys live under it too.
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  return open >= 0 && prefix.indexOf('}', open + 1) > open + 1;
}

/** Refuses a prefix that would spread one queue's keys over slots (CROSSSLOT errors on the first job). */
export function assertClusterPrefix(target: RedisTarget, prefix: string): void {
  if (typeof target === 'string' || target.redisClusterNodes.length === 0 || hasHashTag(prefix)) return;
  throw new Error(`QUEUE_PREFIX must be a Redis Cluster hash tag such as {mf} (braces included) when REDIS_CLUSTER_NODES is set, got "${prefix}"`);
}

/** REDIS_CLUSTER_NODES: `host:port,host:port,…` (IPv6 as `[addr]:port`); empty or unset means a single Redis at REDIS_URL. */
export function parseClusterNodes(value: string | undefined): RedisNode[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  return entries.map((e) => {
    const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+):(\d{1,5})$/.exec(e);
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) throw new Error(`REDIS_CLUSTER_NODES must be host:port entries separated by commas, got "${e}"`);
    return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
  });
}

/**
 * One connection, or a Cluster client whose connection to each node carries the same options.
 * The offline queue is the cluster's own setting (its node connections always queue while the
 * slot map is fetched), so "fail fast while Redis is away" holds for the cluster as a whole.
 */
export function openRedis(target: RedisTarget, options: RedisOptions): RedisClient {
  if (typeof target === 'string') return new Redis(target, options);
  if (target.redisClusterNodes.length === 0) return new Redis(target.redisUrl, options);
  const { enableOfflineQueue, enableReadyCheck, ...perNode } = options;
  return new Cluster([...target.redisClusterNodes], { enableOfflineQueue: enableOfflineQueue ?? true, enableReadyCheck: enableReadyCheck ?? true, redisOptions: perNode });
}

/**
 * Deletes every key matching `pattern`. SCAN walks one server, so on a cluster each master is
 * walked; the pattern's keys share the prefix's hash tag, so one DEL per batch stays in one slot.
 */
export async function deleteKeys(client: RedisClient, pattern: string): Promise<void> {
  await client.ping(); // a cluster knows its masters once it is ready
  const servers: Redis[] = client instanceof Cluster ? client.nodes('master') : [client];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await server.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
