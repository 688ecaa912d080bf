/** Composes the HTTP routes, the WebSocket endpoint and the built client into one Hono app. */
import { createNodeWebSocket } from '@hono/node-ws'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import fs from 'node:fs'
import path from 'node:path'
import { authenticate, sameOrigin } from './auth/authenticate.ts'
import { exportRateLimit } from './auth/exportRateLimit.ts'
import { hashToken } from './auth/tokens.ts'
import { writeRateLimit } from './auth/writeRateLimit.ts'
import { CloseCode } from '../shared/collab/closeCodes.ts'
import { collabRoutes } from './collab/endpoint.ts'
import type { Config } from './config.ts'
import { ApiError } from '../shared/errors/apiError.ts'
import { Health } from '../shared/schema/health.ts'
import { errorResponse, noRoute, reply, type AppEnv } from './http.ts'
import { opsRoutes } from './ops/opsRoutes.ts'
import type { ReadinessCheck } from './ops/readiness.ts'
import { requestLog } from './ops/requestLog.ts'
import { storeRefusal } from './store/storeRefusal.ts'
import { authRoutes, preferenceRoutes } from './routes/auth.ts'
import { blockStatusRoutes } from './routes/blockStatus.ts'
import { catalogueRoutes } from './routes/catalogue.ts'
import { commentRoutes } from './routes/comments.ts'
import { documentMetadataRoutes } from './routes/documentMetadata.ts'
import { documentRoutes } from './routes/documents.ts'
import { memberRoutes } from './routes/members.ts'
import { revisionRoutes } from './routes/revisions.ts'
import { historyRoutes } from './routes/history.ts'
import { proposalRoutes } from './routes/proposals.ts'
import { procedureRoutes } from './routes/procedures.ts'
import { contributorRoutes, participationRoutes } from './routes/participation.ts'
import { documentRoutesScoped } from './routes/documentScope.ts'
import { templateRoutes } from './routes/templates.ts'
import { securityHeaders } from './securityHeaders.ts'
import { workspaceRoutes } from './routes/workspaces.ts'
import type { Services } from './services.ts'

export interface AppDeps {
  config: Config
  services: Services
  /** The built client (index.html and assets), if there is one. */
  clientDir: string | null
  publicUrl: () => string
  accepting: () => boolean
  /** What GET /readyz checks (the database). */
  readiness: readonly ReadinessCheck[]
}

export function createApp({ config, services, clientDir, publicUrl, accepting, readiness }: AppDeps) {
  const { rooms, members, sessions, registry, access, catalogue, status } = services
  const app = new Hono<AppEnv>()
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app })
  // Frames over the limit close the connection with 1009 before they are buffered whole.
  wss.options.maxPayload = config.maxMessageBytes

  const { metrics } = services
  const onError = (error: Error, c: Parameters<typeof errorResponse>[1]) => {
    if (storeRefusal(error)) metrics.storeFailed('rest_write', error)
    return errorResponse(error, c)
  }

  app.use(
    async (c, next) => {
      c.set('receivedAt', Date.now())
      await next()
    },
    requestLog(metrics),
    securityHeaders(),
  )
  // An objection to silence is waited for by its procedure's settlement from the moment it is taken up (see receivedAt).
  app.use('/api/documents/:id/procedures/:procedureId/objections', async (c, next) => {
    const procedureId = c.req.param('procedureId')
    if (c.req.method !== 'POST' || !/^\d{1,12}$/.test(procedureId)) return next()
    const answered = services.procedures.objectionArriving(Number(procedureId))
    try {
      await next()
    } finally {
      answered()
    }
  })
  app.route(
    '/',
    opsRoutes({ metrics, checks: readiness, accepting, readyTimeoutMs: config.readyTimeoutMs, metricsToken: config.metricsToken, trustProxy: config.trustProxy }),
  )
  app.get('/healthz', (c) => reply(c, Health, { status: accepting() ? 'ok' : 'shutting_down', rooms: rooms.size }, accepting() ? 200 : 503))

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
        maxBufferedBytesPerMember: config.maxBufferedBytesPerMember,
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
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the request body exceeds ${config.maxRequestBytes} bytes`)
      },
    }),
  )
  api.route(
    '/',
    authRoutes({
      members,
      sessions,
      sessionTtlMs: config.sessionTtlMs,
      trustProxy: config.trustProxy,
      publicUrl,
      onSessionEnded: (sessionToken) => {
        rooms.closeSignedOut(CloseCode.signedOut)
        services.cluster.publishNotice({ kind: 'sessionsEnded', hash: hashToken(sessionToken) })
      },
    }),
  )
  // The rates are kept where every instance counts them (in process with one instance).
  const writeRate = services.cluster.rate('writes', config.apiWritesPerMinute, config.apiWriteBurst)
  api.use(
    authenticate(members, sessions, { freshen: () => access.reload() }),
    writeRateLimit({ perMinute: config.apiWritesPerMinute, burst: config.apiWriteBurst, rate: writeRate }),
  )
  // Exports are the costliest requests a member can make: each member has a rate of them, besides the pool's bounds.
  const exportRate = services.cluster.rate('exports', config.exportsPerMinute, config.exportBurst)
  const exportLimit = exportRateLimit({ perMinute: config.exportsPerMinute, burst: config.exportBurst, rate: exportRate })
  api.use('/documents/:id/export', exportLimit())
  api.use('/documents/:id/compare/export', exportLimit())
  api.use('/documents/:id/compilation', exportLimit((c) => (c.req.query('format') ?? 'json') !== 'json'))
  api.use('/documents/:id/proposals/compilation', exportLimit((c) => (c.req.query('format') ?? 'json') !== 'json'))
  api.use('/documents/:id/procedures/:procedureId/outcome', exportLimit((c) => (c.req.query('format') ?? 'json') !== 'json'))
  api.route('/', preferenceRoutes({ members }))
  api.route('/catalogue', catalogueRoutes({ catalogue }))
  api.route('/templates', templateRoutes())
  api.route('/members', memberRoutes({ members, sessions, publicUrl, registry, access }))
  api.route('/workspaces', workspaceRoutes({ registry, access, members, seedFromTemplate: services.seedFromTemplate, templateExists: services.templateExists }))
  api.route('/workspaces', participationRoutes({ registry, access, log: services.participation }))
  api.route(
    '/documents',
    documentRoutesScoped(registry, access, [
      documentRoutes({
        registry,
        members,
        rooms,
        status,
        events: services.events,
        maxStreamsPerMember: config.maxStreamsPerMember,
        maxStreamBacklogBytes: config.maxStreamBacklogBytes,
        streams: services.cluster.streams,
        stageOf: (documentId) => services.procedures.stage(documentId),
        eventsOnConnect: (documentId) => services.procedures.eventsOnConnect(documentId),
      }),
      documentMetadataRoutes({ registry, events: services.events }),
      revisionRoutes({
        revisions: services.revisions,
        snapshots: services.snapshots,
        restore: services.restoreText,
        events: services.events,
        heavy: services.heavy,
        revisionCut: async (documentId, revisionId) => {
          await services.proposals.recordForRevision(documentId, revisionId)
          // A newer revision ends a closed period's hold on comments and brings a settled document back to drafting.
          services.procedures.stageChanged(documentId)
        },
        acceptedProposals: (documentId, after, until) => services.proposals.acceptedBetween(documentId, after, until),
        adoptedRevision: (documentId) => services.procedures.adoptedRevision(documentId),
      }),
      historyRoutes({ snapshots: services.snapshots, history: services.history, restore: services.restoreText, events: services.events }),
      commentRoutes({
        comments: services.comments,
        maxCommentChars: config.maxCommentChars,
        inputsOpen: (documentId) => services.procedures.assertInputsOpen(documentId),
      }),
      proposalRoutes({
        proposals: services.proposals,
        revisions: services.revisions,
        heavy: services.heavy,
        maxProposalChars: config.maxProposalChars,
        inputsOpen: (documentId) => services.procedures.assertInputsOpen(documentId),
      }),
      procedureRoutes({ procedures: services.procedures, maxObjectionReasonChars: config.maxObjectionReasonChars }),
      contributorRoutes({ log: services.participation }),
      blockStatusRoutes({ blocks: services.blocks, maxBlocksPerStatusChange: config.maxBlocksPerStatusChange }),
    ]),
  )
  api.all('*', noRoute)
  api.onError(onError)
  app.route('/api', api)

  if (clientDir) {
    app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), clientDir) }))
    app.get('/assets/*', noRoute)
    // The service worker the client's build writes (the offline copy of the shell): always checked with the server, so a
    // new deployment is found on the next visit.
    app.get('/sw.js', (c) => {
      const file = path.join(clientDir, 'sw.js')
      if (!fs.existsSync(file)) return noRoute(c)
      return c.body(fs.readFileSync(file, 'utf8'), 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' })
    })
    // Read on each request: a rebuild of the client while the server runs is picked up at once.
    app.get('*', (c) => c.html(fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8')))
  }
  app.notFound(noRoute)
  app.onError(onError)
  return { app, injectWebSocket, wss }
}
