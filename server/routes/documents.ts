/** `/api/documents/:id`: a document's record and permissions, its validation status, and a live stream of its events. */
import { Hono } from 'hono'
import type { IncomingMessage } from 'node:http'
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
  /** Bytes of events one stream may hold unsent (its client not reading); past it the stream ends, and the client catches up. */
  maxStreamBacklogBytes?: number
  /** The streams each member has open, over every instance (in this process by default). */
  streams?: MemberCounter
  /** The document's stage (drafting, open for comments, under silence, ...). */
  stageOf: (documentId: string) => Promise<Stage>
  /** Events a new stream starts with (a deadline already near). */
  eventsOnConnect?: (documentId: string) => Promise<DocumentEvent[]>
}

interface Serialized {
  text: string
  /** Its size in UTF-8, as it goes on the wire. */
  bytes: number
}

/**
 * Each event as JSON, made once for all the streams it goes to (they are handed the same object): a document with
 * many viewers would otherwise hold a copy per stream.
 */
const serialized = new WeakMap<object, Serialized>()
function jsonOf(data: unknown): Serialized {
  const make = (): Serialized => {
    const text = JSON.stringify(data)
    return { text, bytes: Buffer.byteLength(text) }
  }
  if (data === null || typeof data !== 'object') return make()
  let made = serialized.get(data)
  if (made === undefined) serialized.set(data, (made = make()))
  return made
}

const defaultStreamBacklogBytes = 16 * 1024 * 1024

/** A comment line this often keeps proxies from closing an idle stream. */
const keepAliveMs = 25_000
/** How often an idle stream asks whether its session or token still holds. */
const recheckMs = 5_000

export function documentRoutes({
  registry,
  members,
  rooms,
  status,
  events,
  maxStreamsPerMember,
  maxStreamBacklogBytes = defaultStreamBacklogBytes,
  streams = new LocalCounter(),
  stageOf,
  eventsOnConnect,
}: DocumentRouteDeps) {
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
        const queue: Array<{ event: string; data: string; bytes: number }> = []
        let queuedBytes = 0
        let wake: (() => void) | null = null
        let ended: 'revoked' | 'signed_out' | 'restart' | 'backlog' | null = null
        const push = (event: string, data: unknown) => {
          if (ended === 'backlog') return
          const { text, bytes } = jsonOf(data)
          const entry = { event, data: text, bytes }
          // Only the newest status matters: one not yet sent is replaced, not queued behind.
          const older = event === 'status' ? queue.findIndex((queued) => queued.event === 'status') : -1
          if (older >= 0) {
            queuedBytes -= queue[older].bytes
            queue.splice(older, 1)
          }
          queue.push(entry)
          queuedBytes += entry.bytes
          // One event larger than the limit alone still goes: what is held is bounded by the limit and that event.
          if (queuedBytes > maxStreamBacklogBytes && queue.length > 1) {
            // A client that does not read (or cannot keep up): the stream ends rather than holding events without end;
            // its client reconnects, as after any break, and catches up. Aborting also ends a write waiting on it.
            log.info('events.stream_backlog_exceeded', { documentId: id, member: memberId, bytes: queuedBytes, events: queue.length })
            ended = 'backlog'
            queue.length = 0
            queuedBytes = 0
            stream.abort()
            // The response cannot end while its client reads nothing (the server waits to write what it holds): the
            // connection goes, and with it what its socket holds, so a stalled stream keeps nothing once it is cut off.
            ;(c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.destroy()
          }
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
              if (statusSent || ended) return
              const { text, bytes } = jsonOf(current)
              queue.unshift({ event: 'status', data: text, bytes })
              queuedBytes += bytes
              wake?.()
            },
            (error: unknown) => log.warn('events.initial_status_failed', { documentId: id, error }),
          )
          for (const { event, data } of (await eventsOnConnect?.(id)) ?? []) await stream.writeSSE({ event, data: jsonOf(data).text })
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
              const next = queue.shift()!
              queuedBytes -= next.bytes
              await stream.writeSSE({ event: next.event, data: next.data })
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
          // A restart or a backlog ends the stream without a word: the client reconnects, as after any break, and catches up.
          const reason = ended as 'revoked' | 'signed_out' | 'restart' | 'backlog' | null
          if (reason === 'revoked' || reason === 'signed_out') await stream.writeSSE({ event: 'ended', data: JSON.stringify({ reason: reason === 'revoked' ? 'membership revoked' : 'signed out' }) })
        } finally {
          cleanUp()
        }
      })
    })
}
