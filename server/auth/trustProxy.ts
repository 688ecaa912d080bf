/** What a request says about how it reached us (X-Forwarded-Proto, X-Forwarded-For), believed only from configured proxies. */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The peer's address as the socket knows it ("::ffff:127.0.0.1" read as "127.0.0.1"), or null (no socket: in-process requests). */
export function peerAddress(c: Context): string | null {
  try {
    const address = getConnInfo(c).remote.address
    return address ? address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') : null
  } catch {
    return null
  }
}

/** Whether the request came straight from one of the configured proxies (TRUST_PROXY). */
export function fromTrustedProxy(c: Context, trustProxy: readonly string[]): boolean {
  if (trustProxy.length === 0) return false
  const peer = peerAddress(c)
  return peer !== null && trustProxy.includes(peer)
}

/** Whether the browser's connection is HTTPS: the request's own scheme, or a trusted proxy's X-Forwarded-Proto. */
export function isHttps(c: Context, trustProxy: readonly string[]): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  if (!fromTrustedProxy(c, trustProxy)) return false
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https'
}

/** The client's address: the trusted proxy's X-Forwarded-For (its last hop), else the peer itself. */
export function clientAddress(c: Context, trustProxy: readonly string[]): string | null {
  if (fromTrustedProxy(c, trustProxy)) {
    const hops = c.req.header('x-forwarded-for')?.split(',').map((hop) => hop.trim()).filter(Boolean) ?? []
    if (hops.length > 0) return hops[hops.length - 1]
  }
  return peerAddress(c)
}
