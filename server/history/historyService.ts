/**
 * The history of a document's text: a snapshot at most every `intervalMs` while it changes, one just before the server
 * changes it for a member (a restore, a proposal accepted or bracketed), thinned by the retention policy on a timer.
 */
import type * as Y from 'yjs'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { SnapshotReason, SnapshotRetention, SnapshotSummary } from '../../shared/schema/history.ts'
import type { Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { draftReader } from '../documents/editorModules.ts'
import { log } from '../log.ts'
import type { DocumentStore } from '../store/store.ts'
import { snapshotsToPrune, type RetentionPolicy } from './retention.ts'
import type { SnapshotStore } from './snapshotStore.ts'

export interface HistoryOptions extends RetentionPolicy {
  /** Automatic snapshots of one document are at least this far apart. */
  intervalMs: number
  /** How often the retention policy is applied (also once at start-up). */
  pruneIntervalMs: number
}

export interface HistoryDeps {
  snapshots: SnapshotStore
  rooms: Rooms
  store: DocumentStore
  events: DocumentEvents
  options: HistoryOptions
  now?: () => number
  /**
   * A lock over every instance (REDIS_URL): of the instances whose timers come due for one document, one takes the
   * automatic snapshot. Without it, every timer takes its own (in process there is one).
   */
  lock?: (name: string, ttlMs: number) => Promise<(() => Promise<void>) | null>
}

/** What a change made by the server says about itself (`Rooms.change`'s origin), so its snapshot says why. */
export interface ChangeOrigin {
  member?: { id: number }
  /** The member who decided on a proposal (the change itself is credited to the proposer). */
  decidedBy?: { id: number }
  reason?: Exclude<SnapshotReason, 'auto'>
}

const dayMs = 86_400_000

export class HistoryService {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private pruneTimer: NodeJS.Timeout | null = null
  private readonly now: () => number

  constructor(private readonly deps: HistoryDeps) {
    this.now = deps.now ?? Date.now
  }

  get retention(): SnapshotRetention {
    const { intervalMs, keepAllMs, keepDailyMs } = this.deps.options
    return { intervalSeconds: intervalMs / 1000, keepAllDays: keepAllMs / dayMs, keepDailyDays: keepDailyMs / dayMs }
  }

  /** Applies the retention policy now and then every `pruneIntervalMs`. */
  start(): void {
    void this.pruneSafely()
    this.pruneTimer = setInterval(() => void this.pruneSafely(), this.deps.options.pruneIntervalMs)
    this.pruneTimer.unref()
  }

  /** Stops the timers; the snapshots that were due are taken now, so a clean shutdown keeps the last edits in the history. */
  async stop(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer)
    this.pruneTimer = null
    const due = [...this.timers.keys()]
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    await Promise.all(due.map((documentId) => this.takeAutomatic(documentId)))
  }

  /**
   * The document's text changed (a batch of updates was stored). The first change after a snapshot arms a timer: one
   * interval later the text is kept with everything typed meanwhile. Automatic snapshots are thus at least an interval
   * apart, and the last edits of every burst are kept.
   */
  changed(documentId: string): void {
    if (this.timers.has(documentId)) return
    const timer = setTimeout(() => {
      this.timers.delete(documentId)
      void this.takeAutomaticOnce(documentId)
    }, this.deps.options.intervalMs)
    timer.unref()
    this.timers.set(documentId, timer)
  }

  /**
   * Called by `Rooms.change` with the document as it stands, just before the server changes it: its text is kept first.
   * A failure to store the snapshot throws, and the change is not made.
   */
  readonly beforeChange = async (documentId: string, doc: Y.Doc, origin: unknown): Promise<void> => {
    const readDraft = await draftReader()
    const draft = readDraft(doc)
    // Text that cannot be read as a draft cannot be restored either; the change itself says why it is refused.
    if (!draft.ok) return
    const { member, decidedBy, reason } = (origin ?? {}) as ChangeOrigin
    await this.keep(documentId, draft.json, reason ?? 'proposal', (decidedBy ?? member)?.id ?? null)
  }

  /** The snapshot holding the text as it stands (the latest: taken before a change, or unchanged since). */
  async latest(documentId: string): Promise<SnapshotSummary | null> {
    return (await this.deps.snapshots.latest(documentId))?.summary ?? null
  }

  /** Deletes what the retention policy no longer keeps, in every document; returns how many snapshots went. */
  async prune(): Promise<number> {
    const now = this.now()
    let pruned = 0
    for (const documentId of await this.deps.snapshots.documentsWithSnapshots()) {
      const ids = snapshotsToPrune(await this.deps.snapshots.dated(documentId), now, this.deps.options)
      await this.deps.snapshots.delete(ids)
      pruned += ids.length
    }
    if (pruned > 0) log.info('history.pruned', { snapshots: pruned })
    return pruned
  }

  private async pruneSafely(): Promise<void> {
    try {
      await this.prune()
    } catch (error) {
      log.error('history.prune_failed', { error })
    }
  }

  /** The automatic snapshot, unless another instance took the document's within half an interval. */
  private async takeAutomaticOnce(documentId: string): Promise<void> {
    const unlock = this.deps.lock ? await this.deps.lock(`history:${documentId}`, Math.max(1000, this.deps.options.intervalMs / 2)) : null
    if (this.deps.lock && !unlock) return
    // Held until it expires: another instance's timer due meanwhile takes none.
    await this.takeAutomatic(documentId)
  }

  private async takeAutomatic(documentId: string): Promise<void> {
    try {
      const draft = await readCurrentDoc(this.deps.rooms, this.deps.store, documentId, await draftReader())
      if (!draft.ok) return
      await this.keep(documentId, draft.json, 'auto', null)
    } catch (error) {
      log.error('history.snapshot_failed', { document: documentId, error })
    }
  }

  /** Stores the text unless the latest snapshot already holds exactly it; tells the document's viewers of a new one. */
  private async keep(documentId: string, content: DraftDocJson, reason: SnapshotReason, takenBy: number | null): Promise<SnapshotSummary> {
    const latest = await this.deps.snapshots.latest(documentId)
    if (latest && latest.contentJson === JSON.stringify(content)) return latest.summary
    const snapshot = await this.deps.snapshots.take({ documentId, reason, content, takenBy, at: this.now() })
    this.deps.events.publish(documentId, 'snapshot', { change: 'taken', snapshot, by: null })
    return snapshot
  }
}
