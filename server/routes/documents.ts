/** `/api/documents/:id`: a document's record and permissions, its validation status, and a live stream of its events. */
import { Hono } from 'hono'
import { log } from '../log.ts'
import { streamSSE } from 'hono/streaming'
import { documentPermissions } from '../../shared/auth/permissions.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { DocumentDetail, DocumentStatus } from '../../shared/schema/document.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { MemberCounter } from '../cluster/cluster.ts'
import { LocalCounter } from '../cluster/localCluster.ts'
import type { Rooms } from '../collab/rooms.ts'
import type { DocumentEvent, DocumentEvents } from '../documents/documentEvents.ts'
import type { Stage } from '../../shared/schema/procedures.ts'
import { reply, type AppEnv } from '../http.ts'
import type { DocumentStatusService } from '../validation/documentStatus.ts'
import type { Registry } from '../workspaces/registry.ts'

export interface DocumentRouteDeps {
  registry: Registry
  members: MemberDirectory
  rooms: Rooms
  status: DocumentStatusService
  events: DocumentEvents
  maxStreamsPerMember: number
  /** The streams each member has open, over every instance (in this process by default). */
  streams?: MemberCounter
  /** The document's stage (drafting, open for comments, under silence, ...). */
  stageOf: (documentId: string) => Promise<Stage>
  /** Events a new stream starts with (a deadline already near). */
  eventsOnConnect?: (documentId: string) => Promise<DocumentEvent[]>
}

/** A comment line this often keeps proxies from closing an idle stream. */
const keepAliveMs = 25_000
/** How often an idle stream asks whether its session or token still holds. */
const recheckMs = 5_000

export function documentRoutes({ registry, members, rooms, status, events, maxStreamsPerMember, streams = new LocalCounter(), stageOf, eventsOnConnect }: DocumentRouteDeps) {
  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const document = c.get('document')
      return reply(c, DocumentDetail, {
        document,
        workspace: registry.workspace(document.workspaceId)!,
        permissions: documentPermissions(c.get('subject')),
        stage: await stageOf(document.id),
      })
    })
    .get('/:id/status', async (c) => {
      const id = c.get('document').id
      return reply(c, DocumentStatus, await status.current(id))
    })
    .get('/:id/events', async (c) => {
      const id = c.get('document').id
      const memberId = c.get('member').id
      const stillSignedIn = c.get('stillSignedInNow')
      const open = await streams.count(memberId)
      if (open >= maxStreamsPerMember) {
        throw new ApiError(429, 'too_many_streams', `you have ${open} live document streams open already; close a tab and try again`)
      }
      streams.add(memberId, 1)
      return streamSSE(c, async (stream) => {
        const queue: Array<{ event: string; data: string }> = []
        let wake: (() => void) | null = null
        let ended: 'revoked' | 'signed_out' | 'restart' | null = null
        const push = (event: string, data: unknown) => {
          queue.push({ event, data: JSON.stringify(data) })
          wake?.()
        }
        let statusSent = false
        const unsubscribeStatus = status.subscribe(id, (next) => {
          statusSent = true
          push('status', next)
        })
        const unsubscribeEvents = events.subscribe(id, ({ event, data }) => push(event, data))
        const onRevoke = (revokedId: number) => {
          if (revokedId !== memberId) return
          ended = 'revoked'
          wake?.()
        }
        members.revokeListeners.add(onRevoke)
        const onRestart = () => {
          ended ??= 'restart'
          wake?.()
        }
        events.restartListeners.add(onRestart)
        let cleaned = false
        const cleanUp = () => {
          if (cleaned) return
          cleaned = true
          unsubscribeStatus()
          unsubscribeEvents()
          members.revokeListeners.delete(onRevoke)
          events.restartListeners.delete(onRestart)
          streams.add(memberId, -1)
        }
        stream.onAbort(() => {
          cleanUp()
          wake?.()
        })
        try {
          // The stream starts with the document's status, which may need a validation on a worker thread first: events
          // published meanwhile are not held behind it (a status published meanwhile is newer, and replaces it).
          void status.current(id).then(
            (current) => {
              if (statusSent) return
              queue.unshift({ event: 'status', data: JSON.stringify(current) })
              wake?.()
            },
            (error: unknown) => log.warn('events.initial_status_failed', { documentId: id, error }),
          )
          for (const { event, data } of (await eventsOnConnect?.(id)) ?? []) await stream.writeSSE({ event, data: JSON.stringify(data) })
          let lastWrite = Date.now()
          let lastChecked = Date.now()
          while (!stream.aborted && !stream.closed && !ended) {
            // Asked whatever arrives: a busy document's events must not keep a signed-out member's stream open.
            if (Date.now() - lastChecked >= recheckMs) {
              lastChecked = Date.now()
              if (!(await stillSignedIn())) {
                ended = 'signed_out'
                break
              }
            }
            if (queue.length > 0) {
              await stream.writeSSE(queue.shift()!)
              lastWrite = Date.now()
              continue
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, recheckMs)
              wake = () => {
                clearTimeout(timer)
                resolve()
              }
            })
            wake = null
            if (queue.length > 0 || stream.aborted || ended) continue
            if (Date.now() - lastWrite >= keepAliveMs) {
              await stream.write(': keep-alive\n\n')
              lastWrite = Date.now()
            }
          }
          // A restart ends the stream without a word: the client reconnects, as after any break, and catches up.
          const reason = ended as 'revoked' | 'signed_out' | 'restart' | null
          if (reason && reason !== 'restart') await stream.writeSSE({ event: 'ended', data: JSON.stringify({ reason: reason === 'revoked' ? 'membership revoked' : 'signed out' }) })
        } finally {
          cleanUp()
        }
      })
    })
}
