/** The WebSocket endpoint `/collab/<documentId>`: authenticated upgrade, then frames into the room. */
import type { UpgradeWebSocket } from 'hono/ws'
import type { IncomingMessage } from 'node:http'
import type { RawData, WebSocket } from 'ws'
import { Hono } from 'hono'
import { DocumentId } from '../../shared/schema/documentId.ts'
import { allow, authenticate, sameOrigin } from '../auth/authenticate.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Access } from '../auth/access.ts'
import type { Registry } from '../workspaces/registry.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { AppEnv } from '../http.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { log } from '../log.ts'
import { Connection, type ConnectionLimits } from './connection.ts'
import { MemberBacklog } from './memberBacklog.ts'
import type { Room } from './room.ts'
import type { Rooms } from './rooms.ts'

export interface CollabDeps {
  rooms: Rooms
  registry: Registry
  access: Access
  members: MemberDirectory
  sessions: Sessions
  publicUrl: () => string
  upgradeWebSocket: UpgradeWebSocket<WebSocket>
  limits: ConnectionLimits
  maxConnectionsPerMember: number
  /** False once the server is shutting down: new connections are refused. */
  accepting: () => boolean
}

/** A token (RFC 7230) as a subprotocol name; names separated by commas, with spaces or tabs around the commas only. */
const subprotocols = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:[ \t]*,[ \t]*[!#$%&'*+\-.^_`|~0-9A-Za-z]+)*$/
const handshakeKey = /^[+/0-9A-Za-z]{22}==$/

/**
 * Why a request for a WebSocket (Upgrade: websocket) cannot be upgraded, or null: the checks the socket library makes
 * when it takes the connection over (RFC 6455, 4.2.1), made first. A request the library refuses at that point is
 * answered 400 by it, but the WebSocket adapter keeps what it prepared for that connection for ever (about 12 KB each):
 * refused here, nothing is prepared. `viaUpgrade`: the request came as an HTTP upgrade (Connection: Upgrade), the only
 * way the library can take it over.
 */
export function upgradeProblem(headers: IncomingMessage['headers'], viaUpgrade: boolean): string | null {
  if (!viaUpgrade) return 'a WebSocket connection needs the headers Connection: Upgrade and Upgrade: websocket'
  const key = headers['sec-websocket-key']
  if (typeof key !== 'string' || !handshakeKey.test(key)) return 'the Sec-WebSocket-Key header is missing or not a handshake key'
  const version = headers['sec-websocket-version']
  if (version !== '13' && version !== '8') return 'the Sec-WebSocket-Version header must be 13'
  const protocol = headers['sec-websocket-protocol']
  if (protocol !== undefined) {
    const names = protocol.split(',').map((name) => name.trim())
    if (!subprotocols.test(protocol) || new Set(names).size !== names.length) return 'the Sec-WebSocket-Protocol header is not a list of distinct names'
  }
  return null
}

/** The bytes of a received frame, whatever form the socket library gave them in. */
function frameBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

export function collabRoutes({ rooms, registry, access, members, sessions, publicUrl, upgradeWebSocket, limits, maxConnectionsPerMember, accepting }: CollabDeps) {
  const memberBacklog = new MemberBacklog()
  return new Hono<AppEnv>().get(
    '/:documentId',
    async (c, next) => {
      if (!accepting()) throw new ApiError(503, 'shutting_down', 'the server is shutting down')
      const documentId = DocumentId.safeParse(c.req.param('documentId'))
      if (!documentId.success) throw new ApiError(400, 'invalid_document_id', documentId.error.issues[0].message)
      // A handshake the socket library would refuse is refused before anything is prepared for it (see upgradeProblem).
      const env = c.env as { incoming?: IncomingMessage; outgoing?: unknown } | undefined
      if (c.req.header('upgrade')?.toLowerCase() === 'websocket' && env?.incoming) {
        const problem = upgradeProblem(env.incoming.headers, env.outgoing === undefined)
        if (problem) throw new ApiError(400, 'invalid_handshake', problem)
      }
      await next()
    },
    sameOrigin(publicUrl),
    // The leads are read again as a connection opens: its write permission is then answered from memory.
    authenticate(members, sessions, { queryToken: true, freshen: () => access.reload() }),
    allow('document.read'),
    async (c, next) => {
      // Documents live in workspaces; a bare id outside the registry is open to the secretariat only (tools, imports).
      const documentId = c.req.param('documentId')!
      if (!(await registry.find(documentId)) && c.get('member').role !== 'secretariat') {
        throw new ApiError(404, 'document_not_found', `there is no document "${documentId}"`)
      }
      // Counted over every instance when there are several.
      const open = await rooms.connectionsOpen(c.get('member').id)
      if (open >= maxConnectionsPerMember) {
        throw new ApiError(429, 'too_many_connections', `you have ${open} connections open already; close some tabs and try again`)
      }
      await next()
    },
    upgradeWebSocket((c) => {
      const member = c.get('member')
      const documentId = c.req.param('documentId')!
      let joined: { room: Room; connection: Connection } | null = null
      return {
        onOpen(_event, ws) {
          const socket = ws.raw!
          // The upgraded request's TCP socket, for messages framed once (unless a compression extension frames them).
          const stream = socket.extensions === '' ? ((c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket ?? null) : null
          const connection = new Connection(socket, member, () => access.canWrite(member, documentId), limits, c.get('stillSignedIn'), memberBacklog, stream)
          const room = rooms.join(documentId, connection)
          joined = { room, connection }
          // Frames straight from the socket library, without an event object per frame on the relay's path. (None is
          // missed: the adapter calls onOpen as soon as the socket is upgraded, before anything is read from it.)
          socket.on('message', (data: RawData, isBinary: boolean) => {
            if (!isBinary) return connection.close(CloseCode.protocolError)
            try {
              // A copy of its own: the bytes may outlive the read buffer they arrived in (the persist queue, the log).
              connection.admit(new Uint8Array(frameBytes(data)), (frame) => room.receive(connection, frame))
            } catch (error) {
              // Only this connection pays for a frame the relay could not handle; the process and the others go on.
              log.error('collab.frame_failed', { document: documentId, member: member.id, error })
              connection.close(CloseCode.protocolError)
            }
          })
        },
        onClose() {
          if (!joined) return
          joined.connection.socketClosed()
          rooms.leave(joined.room, joined.connection)
        },
      }
    }),
  )
}
