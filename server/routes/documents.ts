/** `/api/documents/:id`: a document's record and permissions, its validation status, and a live stream of its events. */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Access } from '../auth/access.ts'
import type { MemberDirectory } from '../auth/members.ts'
import { can, documentPermissions } from '../auth/permissions.ts'
import type { Rooms } from '../collab/rooms.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { AppEnv } from '../http.ts'
import type { DocumentStatusService } from '../validation/documentStatus.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument, documentScope } from './documentScope.ts'

export interface DocumentRouteDeps {
  registry: Registry
  access: Access
  members: MemberDirectory
  rooms: Rooms
  status: DocumentStatusService
  events: DocumentEvents
}

/** A comment line this often keeps proxies from closing an idle stream. */
const keepAliveMs = 25_000

export function documentRoutes({ registry, access, members, rooms, status, events }: DocumentRouteDeps) {
  return new Hono<AppEnv>()
    .use('/:id/*', documentScope(registry, access), allowOnDocument('document.read'))
    .use('/:id', documentScope(registry, access), allowOnDocument('document.read'))
    .get('/:id', (c) => {
      const document = c.get('document')
      const subject = c.get('subject')
      return c.json({
        document,
        workspace: registry.workspace(document.workspaceId),
        canWrite: can(subject, 'document.write'),
        permissions: documentPermissions(subject),
      })
    })
    .get('/:id/status', async (c) => {
      const id = c.get('document').id
      return c.json(await status.current(id, rooms.loaded(id)?.doc))
    })
    .get('/:id/events', async (c) => {
      const id = c.get('document').id
      const memberId = c.get('member').id
      return streamSSE(c, async (stream) => {
        const queue: Array<{ event: string; data: string }> = []
        let wake: (() => void) | null = null
        let revoked = false
        const push = (event: string, data: unknown) => {
          queue.push({ event, data: JSON.stringify(data) })
          wake?.()
        }
        const unsubscribeStatus = status.subscribe(id, (next) => push('status', next))
        const unsubscribeEvents = events.subscribe(id, ({ event, data }) => push(event, data))
        const onRevoke = (revokedId: number) => {
          if (revokedId !== memberId) return
          revoked = true
          wake?.()
        }
        members.revokeListeners.add(onRevoke)
        const cleanUp = () => {
          unsubscribeStatus()
          unsubscribeEvents()
          members.revokeListeners.delete(onRevoke)
        }
        stream.onAbort(() => {
          cleanUp()
          wake?.()
        })
        try {
          await stream.writeSSE({ event: 'status', data: JSON.stringify(await status.current(id, rooms.loaded(id)?.doc)) })
          while (!stream.aborted && !stream.closed && !revoked) {
            if (queue.length === 0) {
              await new Promise<void>((resolve) => {
                wake = resolve
                setTimeout(resolve, keepAliveMs).unref()
              })
              wake = null
              if (queue.length === 0 && !stream.aborted && !revoked) await stream.write(': keep-alive\n\n')
              continue
            }
            await stream.writeSSE(queue.shift()!)
          }
          if (revoked) await stream.writeSSE({ event: 'revoked', data: JSON.stringify({ reason: 'membership revoked' }) })
        } finally {
          cleanUp()
        }
      })
    })
}
