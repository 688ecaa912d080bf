/** Middleware: the headers every response carries so that a browser neither sniffs, frames nor runs anything foreign. */
import { createMiddleware } from 'hono/factory'

/**
 * Suited to the built client: its scripts, styles and fonts come from this origin (the editor sets some inline
 * styles, hence 'unsafe-inline' for styles only), it talks to this origin only (REST and the WebSocket), and no
 * page anywhere may frame it.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next()
    c.header('x-content-type-options', 'nosniff')
    c.header('content-security-policy', contentSecurityPolicy)
    c.header('x-frame-options', 'DENY')
    c.header('referrer-policy', 'no-referrer')
  })
}
