/**
 * Documents across instances: an update stored here is published once it is relayed here; one stored elsewhere is
 * applied to the loaded room and relayed to its connections. What may have been lost on the way is read again from the
 * store: for one room when an update arrives that builds on something it lacks, for every room when the cluster says
 * messages were lost.
 */
import type { CatchingUp, RoomFanout } from '../collab/fanout.ts'
import type { Rooms } from '../collab/rooms.ts'
import { log } from '../log.ts'
import type { DocumentStore } from '../store/store.ts'
import type { Cluster, CollabMessage } from './cluster.ts'

export type CatchUpReason = 'subscribed' | 'gap' | 'missing' | 'refused' | 'compaction'

export class CollabRelay implements RoomFanout {
  readonly shared: boolean
  /** The catch-up under way per document: one at a time, each one reading the store after the previous. */
  private readonly catchingUp = new Map<string, Promise<void>>()
  /** Told of each catch-up, for the metrics. */
  caughtUp: (reason: CatchUpReason) => void = () => {}
  /** Told when another instance stored an update of a document (loaded here or not), for the work that follows edits. */
  changedElsewhere: (documentId: string) => void = () => {}

  constructor(
    private readonly cluster: Cluster,
    private readonly store: DocumentStore,
    private readonly rooms: Rooms,
  ) {
    this.shared = cluster.shared
  }

  stored(documentId: string, seq: number, update: Uint8Array): void {
    if (this.shared) this.cluster.publishCollab({ kind: 'update', documentId, seq, update })
  }

  awareness(documentId: string, update: Uint8Array): void {
    if (this.shared) this.cluster.publishCollab({ kind: 'awareness', documentId, update })
  }

  ready(documentId: string): void {
    if (this.shared) this.cluster.publishCollab({ kind: 'awarenessQuery', documentId })
  }

  lock(name: string, ttlMs: number) {
    return this.cluster.lock(name, ttlMs)
  }

  catchUp(room: CatchingUp, reason: CatchUpReason = 'refused'): Promise<void> {
    const previous = this.catchingUp.get(room.id) ?? Promise.resolve()
    const run = previous.then(async () => {
      room.beginCatchUp()
      const stored = await this.store.load(room.id)
      room.catchUp(stored)
      this.caughtUp(reason)
      log.debug('cluster.caught_up', { document: room.id, reason, entries: stored.seqs.length })
    })
    const settled = run.finally(() => {
      if (this.catchingUp.get(room.id) === settled) this.catchingUp.delete(room.id)
    })
    this.catchingUp.set(room.id, settled)
    return settled
  }

  receive(message: CollabMessage): void {
    if (message.kind === 'update') this.changedElsewhere(message.documentId)
    const room = this.rooms.present(message.documentId)
    if (!room) return
    switch (message.kind) {
      case 'update':
        if (!room.applyStored(message.update, message.seq)) {
          log.info('cluster.update_needs_catch_up', { document: room.id, seq: message.seq })
          void this.catchUp(room, 'missing').catch((error) => log.error('cluster.catch_up_failed', { document: room.id, error }))
        }
        break
      case 'awareness':
        room.applyAwareness(message.update)
        break
      case 'awarenessQuery': {
        const states = room.state === 'ready' || room.state === 'loading' ? room.presenceStates() : null
        if (states) this.cluster.publishCollab({ kind: 'awareness', documentId: room.id, update: states })
        break
      }
    }
  }

  /** Messages may have been lost: every open room reads the store again (a loading one once it has loaded). */
  lost(reason: 'subscribed' | 'gap'): void {
    const rooms = this.rooms.all()
    if (rooms.length > 0) log.info('cluster.catching_up', { reason, rooms: rooms.length })
    for (const room of rooms) {
      void room.loaded
        .then(() => (room.state === 'ready' ? this.catchUp(room, reason) : undefined))
        .catch((error) => log.error('cluster.catch_up_failed', { document: room.id, error }))
    }
  }
}
