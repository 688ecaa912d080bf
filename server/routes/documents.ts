/** `/api/documents/:id`: a document's record, its validation status, and a live stream of that status. */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { allow } from '../auth/authenticate.ts'
import { can } from '../auth/permissions.ts'
import type { Rooms } from '../collab/rooms.ts'
import { apiError, type AppEnv } from '../http.ts'
import type { DocumentStatusService } from '../validation/documentStatus.ts'
import type { Registry } from '../workspaces/registry.ts'

export function documentRoutes({ registry, rooms, status }: { registry: Registry; rooms: Rooms; status: DocumentStatusService }) {
  return new Hono<AppEnv>()
    .use('/:id/*', allow('document.read'))
    .use('/:id', allow('document.read'))
    .get('/:id', (c) => {
      const document = registry.document(c.req.param('id'))
      if (!document) return apiError(c, 404, 'document_not_found', `there is no document "${c.req.param('id')}"`)
      return c.json({ document, workspace: registry.workspace(document.workspaceId), canWrite: can(c.get('member').role, 'document.write') })
    })
    .get('/:id/status', async (c) => {
      const id = c.req.param('id')
      if (!registry.document(id)) return apiError(c, 404, 'document_not_found', `there is no document "${id}"`)
      return c.json(await status.current(id, rooms.loaded(id)?.doc))
    })
    .get('/:id/events', async (c) => {
      const id = c.req.param('id')
      if (!registry.document(id)) return apiError(c, 404, 'document_not_found', `there is no document "${id}"`)
      return streamSSE(c, async (stream) => {
        const queue: string[] = []
        let wake: (() => void) | null = null
        const unsubscribe = status.subscribe(id, (next) => {
          queue.push(JSON.stringify(next))
          wake?.()
        })
        stream.onAbort(() => {
          unsubscribe()
          wake?.()
        })
        try {
          await stream.writeSSE({ event: 'status', data: JSON.stringify(await status.current(id, rooms.loaded(id)?.doc)) })
          while (!stream.aborted && !stream.closed) {
            if (queue.length === 0) {
              // A comment line every 25 s keeps proxies from closing an idle stream.
              await new Promise<void>((resolve) => {
                wake = resolve
                setTimeout(resolve, 25_000).unref()
              })
              wake = null
              if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n')
              continue
            }
            await stream.writeSSE({ event: 'status', data: queue.shift()! })
          }
        } finally {
          unsubscribe()
        }
      })
    })
}
