/**
 * Work the first request after a start would otherwise do on the spot, done before the server listens: Hono builds
 * its route matcher on the first match, and Node loads and first runs its fetch classes (Request, Headers, Response),
 * hashing (a token's digest) and Web Crypto (a new Y.Doc's id) on first use. A document opened right after a restart
 * is then answered without paying for them. Nothing here touches the database, the metrics or the logs.
 */
import { createHash, webcrypto } from 'node:crypto'
import type { Hono } from 'hono'

/** Call once every route is added: Hono refuses routes added after its matcher is built. */
export function warmUp(app: Pick<Hono, 'router'>): void {
  app.router.match('GET', '/')
  const request = new Request('http://localhost/', {
    headers: { host: 'localhost', 'user-agent': 'warm-up', authorization: 'Bearer warm-up', cookie: 'warm=up', upgrade: 'websocket' },
  })
  request.headers.get('authorization')
  void new Response(null, { status: 204, headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' } })
  createHash('sha256').update('warm-up').digest('base64url')
  webcrypto.getRandomValues(new Uint32Array(1))
}
