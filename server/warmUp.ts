/**
 * Work the first request after a start would otherwise do on the spot, done before the server listens: Hono builds
 * its route matcher on the first match, and Node loads its fetch `Request` class and Web Crypto (a new Y.Doc's id)
 * on first use. A document opened right after a restart is then answered without paying for them.
 */
import { webcrypto } from 'node:crypto'
import type { Hono } from 'hono'

/** Call once every route is added: Hono refuses routes added after its matcher is built. */
export function warmUp(app: Pick<Hono, 'router'>): void {
  app.router.match('GET', '/')
  void new Request('http://localhost/')
  webcrypto.getRandomValues(new Uint32Array(1))
}
