import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit"
import { Redis } from "ioredis"

// Rate-limit counters several API processes share (REDIS_URL). @fastify/rate-limit's own `redis` option
// works with ioredis 6, but it cannot fail open with a warning, nor name keys by purpose; this store
// speaks the plugin's custom store interface (incr, read, child) with the same fixed-window Lua.

/** Keys: `<prefix><purpose>:<who>`, e.g. relay:rl:api:token:<id>, relay:rl:sign-in:ip:<address>. */
export const defaultKeyPrefix = "relay:rl:"

type Result = { current: number; ttl: number }
type Callback = (err: Error | null, res?: Result) => void
type Counting = Redis & {
  relayIncr(key: string, windowMs: number, cb: (err: Error | null, res: [number, number]) => void): void
  relayRead(key: string, cb: (err: Error | null, res: [number, number]) => void): void
}

// One round trip: count, start the window on the first request of it, report what is left of it.
const incrLua = `
local current = redis.call('INCR', KEYS[1])
local ttl
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
else
  ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
end
return {current, ttl}`

const readLua = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}`

export interface SharedLimits {
  redis: Redis
  /** Settles once connected, or once the first attempt failed (then the limits fail open until Redis is back). */
  ready: Promise<void>
  /** The class handed to @fastify/rate-limit as `store`. */
  Store: FastifyRateLimitStoreCtor
  close(): Promise<void>
}

/**
 * Connects (in the background) to Redis. The client never queues commands while disconnected and
 * gives up on a command after a short timeout, so a Redis outage costs a request milliseconds, not seconds.
 */
export function sharedLimits(url: string, opts: { keyPrefix?: string; warn: (msg: string) => void }): SharedLimits {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 1000,
    // Keep trying to come back, at most every 2 s, for as long as the process runs.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  }) as Counting
  redis.defineCommand("relayIncr", { numberOfKeys: 1, lua: incrLua })
  redis.defineCommand("relayRead", { numberOfKeys: 1, lua: readLua })
  const warnings = warnEvery(opts.warn, 30_000)
  // Without a listener ioredis prints every failed reconnect; one warning every 30 s says enough.
  redis.on("error", (err: Error) => warnings(`rate limits: Redis unreachable (${err.message}); requests are not being limited`))
  // Commands are not queued while connecting, so the API waits for the first attempt before serving:
  // otherwise its first requests would go uncounted.
  const ready = new Promise<void>((resolve) => {
    const settle = () => {
      clearTimeout(timer)
      redis.off("ready", settle)
      redis.off("error", settle)
      resolve()
    }
    const timer = setTimeout(settle, 2000)
    redis.once("ready", settle)
    redis.once("error", settle)
  })
  const prefix = opts.keyPrefix ?? defaultKeyPrefix
  class Store extends RedisLimitStore {
    constructor() {
      super(redis, `${prefix}api:`, prefix, warnings)
    }
  }
  // The plugin's typing asks child() for full route options; it reads only the ones used here.
  return {
    redis,
    ready,
    Store: Store as unknown as FastifyRateLimitStoreCtor,
    close: async () => {
      redis.disconnect()
    },
  }
}

export class RedisLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly prefix: string,
    private readonly warn: (msg: string) => void,
  ) {}

  incr(key: string, cb: Callback, timeWindow: number) {
    ;(this.redis as Counting).relayIncr(this.key + key, timeWindow, (err, res) => this.answer(err, res, cb))
  }

  read(key: string, cb: Callback) {
    ;(this.redis as Counting).relayRead(this.key + key, (err, res) => this.answer(err, res, cb))
  }

  /** A limiter made with createRateLimit({ purpose }) (or a route's own limit) counts under its own prefix. */
  child(params: { purpose?: string; routeInfo?: { method?: string; url?: string } }) {
    const purpose = params.purpose ?? `${params.routeInfo?.method ?? ""}${params.routeInfo?.url ?? ""}`
    return new RedisLimitStore(this.redis, `${this.prefix}${purpose}:`, this.prefix, this.warn)
  }

  // Fail open: when Redis is down the limit is a guard against abuse, not a reason to stop serving
  // signed-in users — answering every request with 500 (or making it wait for Redis) would turn a cache
  // outage into an API outage. Counting resumes as soon as Redis is back; the warning says it is off.
  private answer(err: Error | null, res: [number, number] | undefined, cb: Callback) {
    if (err || !res) {
      this.warn(`rate limits: Redis did not answer (${err?.message ?? "no result"}); letting the request through`)
      return cb(null, { current: 0, ttl: 0 })
    }
    cb(null, { current: Number(res[0]), ttl: Number(res[1]) })
  }
}

function warnEvery(warn: (msg: string) => void, ms: number) {
  let last = 0
  return (msg: string) => {
    const now = Date.now()
    if (now - last < ms) return
    last = now
    warn(msg)
  }
}
