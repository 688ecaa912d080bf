/** Middleware for `/api/documents/:id/...`: finds the document (404 if unknown) and the member's standing on it. */
import { createMiddleware } from 'hono/factory'
import type { Access } from '../auth/access.ts'
import { allow } from '../auth/authenticate.ts'
import type { Action } from '../auth/permissions.ts'
import { apiError, type AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'

export function documentScope(registry: Registry, access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = c.req.param('id') ?? ''
    const document = registry.document(id)
    if (!document) return apiError(c, 404, 'document_not_found', `there is no document "${id}"`)
    c.set('document', document)
    c.set('subject', access.onDocument(c.get('member'), document.id))
    await next()
  })
}

/**
 * documentScope for routes that may be mounted on their own: does nothing when a scope for the same document
 * has already run (the documents routes' own, mounted before), so the lookup is made once.
 */
export function ensureDocumentScope(registry: Registry, access: Access) {
  const scope = documentScope(registry, access)
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.get('document')?.id === c.req.param('id')) return next()
    return scope(c, next)
  })
}

/** Refuses with 403 unless the member may do `action` on the scoped document. */
export function allowOnDocument(action: Action) {
  return allow(action, (c) => c.get('subject'))
}
