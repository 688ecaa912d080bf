/** Everything the server is made of, built once from the configuration and one database. */
import { randomUUID } from 'node:crypto'
import { findTemplate, templateDocument } from '../shared/templates/templates.ts'
import { Access } from './auth/access.ts'
import { ParticipationLog } from './audit/participation.ts'
import { MemberDirectory } from './auth/members.ts'
import { Sessions } from './auth/sessions.ts'
import { BlockStatusService } from './blocks/blockStatusService.ts'
import { BlockStatusStore } from './blocks/blockStatusStore.ts'
import { CatalogueStore } from './catalogue/catalogueStore.ts'
import { CloseCode } from '../shared/collab/closeCodes.ts'
import { CommentService } from './comments/commentService.ts'
import { CommentStore } from './comments/commentStore.ts'
import type { Room } from './collab/room.ts'
import { Rooms } from './collab/rooms.ts'
import { DocumentEvents } from './documents/documentEvents.ts'
import { RevisionStore } from './revisions/revisionStore.ts'
import { HistoryService } from './history/historyService.ts'
import { textRestorer } from './history/restoreText.ts'
import { SnapshotStore } from './history/snapshotStore.ts'
import { HeavyWork } from './heavy/heavyWork.ts'
import { Metrics } from './ops/metrics.ts'
import { CollabRelay } from './cluster/collabRelay.ts'
import { createCluster } from './cluster/createCluster.ts'
import { shareAcrossInstances } from './cluster/shareAcrossInstances.ts'
import { WorkerPool } from './heavy/workerPool.ts'
import { ProposalService } from './proposals/proposalService.ts'
import { ProposalStore } from './proposals/proposalStore.ts'
import { ProcedureService } from './procedures/procedureService.ts'
import { ProcedureStore } from './procedures/procedureStore.ts'
import type { Config } from './config.ts'
import type { OpenDatabase } from './store/database.ts'
import { SqlDocumentStore } from './store/sqlDocuments.ts'
import { runNowOn } from './store/sqliteDocuments.ts'
import { DocumentStatusService } from './validation/documentStatus.ts'
import { Registry } from './workspaces/registry.ts'
import { seedDocument } from './workspaces/seed.ts'

/** How long edits must pause before a document is validated again. */
const validationDebounceMs = 500

export async function createServices(config: Config, database: OpenDatabase) {
  const { db } = database
  const store = new SqlDocumentStore(db, { releaseFreePages: database.releaseFreePages, runNow: database.sqlite ? runNowOn(database.sqlite) : undefined })
  const members = new MemberDirectory(db)
  const sessions = new Sessions(db, { sessionTtlMs: config.sessionTtlMs, inviteTtlMs: config.inviteTtlMs })
  const registry = await Registry.open(db)
  const catalogue = await CatalogueStore.open(db)
  // The gauges read the services below when scraped.
  const metrics: Metrics = new Metrics({
    rooms: () => rooms.size,
    connections: () => rooms.connections,
    eventStreams: () => events.subscribers,
    heavyThreads: () => pool.threads,
    heavyRunning: () => pool.running,
    heavyQueued: () => pool.queued,
    statusesHeld: () => status.held,
  })
  // The relay asks for each update which blocks are agreed; the answer is kept in memory by the block status service.
  let blockStatus: BlockStatusService | null = null
  // Compaction runs on the worker pool (heavy is made below; nothing compacts before the server takes connections).
  const rooms: Rooms = new Rooms(store, config, metrics.persist, { agreed: (documentId) => blockStatus!.agreed(documentId) }, (documentId: string, mergedSeqs: readonly number[]): Promise<Uint8Array | null> =>
    heavy.compactState(documentId, mergedSeqs),
  )
  // Several instances (REDIS_URL): the rooms publish what they store and apply what the others stored.
  const cluster = await createCluster(config, metrics.cluster)
  const relay = new CollabRelay(cluster, store, rooms)
  rooms.joinCluster(relay, cluster.connections)
  const access = await Access.open(db, registry)
  members.revokeListeners.add((memberId) => rooms.closeMember(memberId, CloseCode.memberRevoked))
  // Only the connections to the workspace's documents reconnect: elsewhere nothing changed for the member.
  access.leadListeners.add((memberId, workspaceId) =>
    rooms.closeMember(memberId, CloseCode.membershipChanged, (documentId) => registry.document(documentId)?.workspaceId === workspaceId),
  )
  members.changeListeners.add((memberId) => {
    access.invalidate()
    rooms.closeMember(memberId, CloseCode.membershipChanged)
  })
  // The threads read stored documents from the database themselves: the relay hands over ids, not bytes.
  const pool = new WorkerPool({ ...config.heavy, dataDir: config.dataDir, databaseUrl: config.databaseUrl, databasePoolSize: config.databasePoolPerWorker })
  const heavy: HeavyWork = new HeavyWork({ pool, rooms, store, catalogue: () => catalogue.current(), maxProblems: config.maxStatusProblems })
  const events = new DocumentEvents()
  const blocks = new BlockStatusService({ statuses: new BlockStatusStore(db), rooms, documents: store, events, maxAuditEntries: config.maxStatusAuditEntries })
  blockStatus = blocks
  await blocks.loadAll()
  const status = new DocumentStatusService(
    (documentId) => heavy.validate(documentId),
    validationDebounceMs,
    undefined,
    (documentId, keys) => blocks.counts(documentId, keys),
    (documentId) => rooms.loaded(documentId) !== undefined,
    config.maxIdleStatuses,
  )
  // A status is kept while its document is loaded or watched; of the others, only the most recently checked.
  rooms.forgetListeners.add((documentId) => status.forget(documentId))
  blocks.changeListeners.add((documentId) => status.recount(documentId))
  catalogue.changeListeners.add(() => status.invalidateAll())
  // Asked once per loaded room, not on every stored batch: only registered documents are validated.
  const registered = new WeakMap<Room, boolean>()
  rooms.changeListeners.add((room) => {
    let isDocument = registered.get(room)
    if (isDocument === undefined) registered.set(room, (isDocument = registry.document(room.id) !== null))
    if (isDocument) status.changed(room.id)
    // The history takes a snapshot no sooner than its interval allows.
    if (isDocument) history.changed(room.id)
    // A block whose element was deleted loses its status.
    if (isDocument) blocks.pruneDeleted(room)
  })
  // Open editors pick up the new catalogue without a reload.
  catalogue.changeListeners.add((change) => events.publishToAll('catalogue', change))
  const snapshots = new SnapshotStore(db)
  const history: HistoryService = new HistoryService({ snapshots, rooms, store, events, options: config.history, lock: cluster.shared ? (name, ttlMs) => cluster.lock(name, ttlMs) : undefined })
  // Before a restore, or a proposal accepted or bracketed, changes the text, the history keeps it as it stands.
  rooms.beforeChangeListeners.add(history.beforeChange)
  const comments = new CommentService({ comments: new CommentStore(db, config.maxCommentsPerThread), events, compile: (documentId, readThreads, request, memberId) => heavy.compileWrittenInputs(documentId, readThreads, request, memberId) })
  const proposals = new ProposalService({ proposals: new ProposalStore(db, config.proposalLimits), events, rooms, store, catalogue: () => catalogue.current(), threads: comments, heavy })
  const revisions = new RevisionStore(db)
  const procedures = new ProcedureService({
    store: new ProcedureStore(db),
    revisions,
    registry,
    events,
    heavy,
    warningMs: config.deadlineWarningMs,
    maxDeadlineMs: config.maxDeadlineMs,
    objectionBodyGraceMs: config.objectionBodyGraceMs,
    sharedDeadlines: cluster.shared,
  })
  shareAcrossInstances({ cluster, relay, rooms, members, sessions, registry, access, events, catalogue, blocks, status, procedures, observer: metrics.cluster })
  return {
    cluster,
    metrics,
    snapshots,
    history,
    restoreText: textRestorer({ rooms, store, history, comments }),
    store,
    procedures,
    members,
    blocks,
    proposals,
    sessions,
    registry,
    access,
    events,
    comments,
    participation: new ParticipationLog(db),
    revisions,
    catalogue,
    rooms,
    status,
    pool,
    heavy,
    templateExists: (templateId: string) => findTemplate(templateId) !== undefined,
    seedFromTemplate: (documentId: string, templateId: string) => seedDocument(store, documentId, templateDocument(findTemplate(templateId)!, randomUUID)),
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>
