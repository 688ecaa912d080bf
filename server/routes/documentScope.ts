/** `/api/documents/:id/...`: every document route mounted behind one scope that finds the document (404 if unknown) and the member's standing on it. */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Action } from '../../shared/auth/permissions.ts'
import type { Access } from '../auth/access.ts'
import { allow } from '../auth/authenticate.ts'
import type { AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'

function documentScope(registry: Registry, access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = c.req.param('id') ?? ''
    const document = await registry.find(id)
    if (!document) throw new ApiError(404, 'document_not_found', `there is no document "${id}"`)
    c.set('document', document)
    c.set('subject', access.onDocument(c.get('member'), document.id))
    await next()
  })
}

/**
 * The document routes as one app: the scope (and `document.read`) runs once for every request under `/:id`, before
 * any of `routes`, whatever order they are given in; each route reads `c.get('document')` and `c.get('subject')`.
 */
export function documentRoutesScoped(registry: Registry, access: Access, routes: Hono<AppEnv>[]) {
  const scoped = new Hono<AppEnv>()
  const scope = documentScope(registry, access)
  scoped.use('/:id', scope, allowOnDocument('document.read'))
  scoped.use('/:id/*', scope, allowOnDocument('document.read'))
  for (const route of routes) scoped.route('/', route)
  return scoped
}

/** Refuses with 403 unless the member may do `action` on the scoped document. */
export function allowOnDocument(action: Action) {
  return allow(action, (c) => c.get('subject'))
}
