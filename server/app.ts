/** Composes the HTTP routes, the WebSocket endpoint and the built client into one Hono app. */
import { createNodeWebSocket } from '@hono/node-ws'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import fs from 'node:fs'
import path from 'node:path'
import { authenticate, sameOrigin } from './auth/authenticate.ts'
import { writeRateLimit } from './auth/writeRateLimit.ts'
import { CloseCode } from './collab/closeCodes.ts'
import { collabRoutes } from './collab/endpoint.ts'
import type { Config } from './config.ts'
import { apiError, errorResponse, type AppEnv } from './http.ts'
import { authRoutes } from './routes/auth.ts'
import { catalogueRoutes } from './routes/catalogue.ts'
import { commentRoutes } from './routes/comments.ts'
import { documentRoutes } from './routes/documents.ts'
import { memberRoutes } from './routes/members.ts'
import { revisionRoutes } from './routes/revisions.ts'
import { proposalRoutes } from './routes/proposals.ts'
import { contributorRoutes, participationRoutes } from './routes/participation.ts'
import { templateRoutes } from './routes/templates.ts'
import { workspaceRoutes } from './routes/workspaces.ts'
import type { Services } from './services.ts'

export interface AppDeps {
  config: Config
  services: Services
  /** The built client (index.html and assets), if there is one. */
  clientDir: string | null
  publicUrl: () => string
  accepting: () => boolean
}

export function createApp({ config, services, clientDir, publicUrl, accepting }: AppDeps) {
  const { rooms, members, sessions, registry, access, catalogue, status } = services
  const app = new Hono<AppEnv>()
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app })
  // Frames over the limit close the connection with 1009 before they are buffered whole.
  wss.options.maxPayload = config.maxMessageBytes

  app.get('/healthz', (c) => c.json({ status: accepting() ? 'ok' : 'shutting_down', rooms: rooms.size }, accepting() ? 200 : 503))

  app.route(
    '/collab',
    collabRoutes({
      rooms,
      registry,
      access,
      members,
      sessions,
      publicUrl,
      upgradeWebSocket,
      accepting,
      maxConnectionsPerMember: config.maxConnectionsPerMember,
      limits: {
        maxBufferedBytes: config.maxBufferedBytes,
        messagesPerSecond: config.messagesPerSecond,
        messageBurst: config.messageBurst,
      },
    }),
  )

  const api = new Hono<AppEnv>()
  api.use(
    sameOrigin(publicUrl),
    bodyLimit({
      maxSize: config.maxRequestBytes,
      onError: (c) => apiError(c, 413, 'payload_too_large', `the request body exceeds ${config.maxRequestBytes} bytes`),
    }),
  )
  api.route(
    '/',
    authRoutes({ members, sessions, sessionTtlMs: config.sessionTtlMs, onSessionEnded: () => rooms.closeSignedOut(CloseCode.signedOut) }),
  )
  api.use(authenticate(members, sessions), writeRateLimit({ perMinute: config.apiWritesPerMinute, burst: config.apiWriteBurst }))
  api.route('/catalogue', catalogueRoutes({ catalogue }))
  api.route('/templates', templateRoutes())
  api.route('/members', memberRoutes({ members, sessions, publicUrl }))
  api.route('/workspaces', workspaceRoutes({ registry, access, members, seedFromTemplate: services.seedFromTemplate, templateExists: services.templateExists }))
  api.route('/workspaces', participationRoutes({ registry, access, log: services.participation }))
  api.route('/documents', contributorRoutes({ registry, access, log: services.participation }))
  api.route('/documents', documentRoutes({ registry, access, members, rooms, status, events: services.events, maxStreamsPerMember: config.maxStreamsPerMember }))
  api.route(
    '/documents',
    revisionRoutes({
      registry,
      access,
      rooms,
      store: services.store,
      revisions: services.revisions,
      events: services.events,
      catalogue: () => catalogue.current(),
      revisionCut: (documentId, revisionId) => services.proposals.recordForRevision(documentId, revisionId),
      acceptedProposals: (documentId, after, until) => services.proposals.acceptedBetween(documentId, after, until),
    }),
  )
  api.route(
    '/documents',
    proposalRoutes({
      registry,
      access,
      proposals: services.proposals,
      revisions: services.revisions,
      rooms,
      store: services.store,
      catalogue: () => catalogue.current(),
      maxProposalChars: config.maxProposalChars,
    }),
  )
  api.route('/documents', commentRoutes({ registry, access, comments: services.comments, maxCommentChars: config.maxCommentChars }))
  api.all('*', (c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
  api.onError(errorResponse)
  app.route('/api', api)

  if (clientDir) {
    app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), clientDir) }))
    app.get('/assets/*', (c) => apiError(c, 404, 'not_found', `no asset ${c.req.path}`))
    // Read on each request: a rebuild of the client while the server runs is picked up at once.
    app.get('*', (c) => c.html(fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8')))
  }
  app.notFound((c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
  app.onError(errorResponse)
  return { app, injectWebSocket, wss }
}
