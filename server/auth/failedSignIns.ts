/**
 * Failed sign-ins per client address: unknown bearer tokens and unknown invite links, the attempts that guess. Past
 * the address's rate, its further attempts with a token or an invite are refused (429 `too_many_failed_sign_ins`, with
 * Retry-After) before anything is looked up. Sessions already open from that address (colleagues behind one office
 * address) are not refused, and a session that expired, an invite used or expired, count for nothing: they were real.
 */
import type { Context } from 'hono'
import { TokenBucket } from '../collab/rateLimit.ts'
import { RetryLater } from '../heavy/retryLater.ts'
import { clientAddress } from './trustProxy.ts'

/** Addresses remembered at most; past it the one not heard from longest is forgotten. */
const maxAddresses = 10_000

export class FailedSignIns {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    /** Failures an address may make per minute, sustained (0: no limit). */
    private readonly perMinute: number,
    private readonly burst: number,
    /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY). */
    private readonly trustProxy: readonly string[],
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Addresses with failures remembered. */
  get size(): number {
    return this.buckets.size
  }

  /** Throws the 429 when the request's address has failed past its rate; asked before a token or invite is looked up. */
  check(c: Context): void {
    if (this.perMinute === 0) return
    const address = clientAddress(c, this.trustProxy)
    const bucket = address === null ? undefined : this.buckets.get(address)
    const waitMs = bucket?.msUntilNext() ?? 0
    if (waitMs > 0) {
      throw new RetryLater(429, 'too_many_failed_sign_ins', 'too many failed sign-ins from your address; wait a moment, then try again', Math.max(1, Math.ceil(waitMs / 1000)))
    }
  }

  /** Counts a failed attempt (an unknown token or invite) against the request's address. */
  failed(c: Context): void {
    if (this.perMinute === 0) return
    const address = clientAddress(c, this.trustProxy)
    if (address === null) return
    let bucket = this.buckets.get(address)
    if (bucket) this.buckets.delete(address)
    else {
      if (this.buckets.size >= maxAddresses) this.buckets.delete(this.buckets.keys().next().value!)
      bucket = new TokenBucket(this.perMinute / 60, this.burst, this.now)
    }
    // Most recently failed last: the first in the map is the one not heard from longest.
    this.buckets.set(address, bucket)
    bucket.take()
  }
}
