/** Composes the HTTP routes and the WebSocket endpoint into one Hono app. */
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import type { MemberDirectory } from './auth/members.ts'
import { collabRoutes } from './collab/endpoint.ts'
import type { Rooms } from './collab/rooms.ts'
import type { Config } from './config.ts'
import { apiError, type AppEnv } from './http.ts'

export interface AppDeps {
  config: Config
  rooms: Rooms
  members: MemberDirectory
  accepting: () => boolean
}

export function createApp({ config, rooms, members, accepting }: AppDeps) {
  const app = new Hono<AppEnv>()
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app })
  // Frames over the limit close the connection with 1009 before they are buffered whole.
  wss.options.maxPayload = config.maxMessageBytes

  app.get('/healthz', (c) => c.json({ status: accepting() ? 'ok' : 'shutting_down', rooms: rooms.size }, accepting() ? 200 : 503))
  app.route(
    '/collab',
    collabRoutes({
      rooms,
      members,
      upgradeWebSocket,
      accepting,
      limits: {
        maxBufferedBytes: config.maxBufferedBytes,
        messagesPerSecond: config.messagesPerSecond,
        messageBurst: config.messageBurst,
      },
    }),
  )
  app.notFound((c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
  app.onError((error, c) => {
    console.error(error)
    return apiError(c, 500, 'internal_error', 'the server could not handle this request')
  })
  return { app, injectWebSocket, wss }
}
