/**
 * Paragraph status: co-facilitators set the status of blocks (open, under negotiation, agreed ad referendum) and reopen
 * agreed ones; every change is audited, pushed to open editors as a `blockStatus` event, and the set of agreed blocks
 * each document has is kept in memory for the relay's lock (`agreed`), refreshed on every change.
 */
import { log } from '../log.ts'
import * as Y from 'yjs'
import { blockKeys, idOfKey } from '../../shared/collab/blockKey.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import {
  type BlockStatusAudit,
  type BlockStatusCounts,
  type BlockStatusList,
  type BlockStatusRecord,
  type BlockStatusValue,
  blockStatusLabels,
  countStatuses,
} from '../../shared/schema/blockStatus.ts'
import type { Member } from '../../shared/schema/member.ts'
import type { Room } from '../collab/room.ts'
import type { Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { DocumentStore } from '../store/store.ts'
import { StaleBlockStatus, type BlockStatusChange, type BlockStatusStore } from './blockStatusStore.ts'

export interface BlockStatusDeps {
  statuses: BlockStatusStore
  rooms: Rooms
  documents: DocumentStore
  events: DocumentEvents
  /** Entries of the audit one answer lists at most (MAX_STATUS_AUDIT_ENTRIES). */
  maxAuditEntries: number
}

const none: ReadonlySet<string> = new Set()

function listed(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(', ')
}

export class BlockStatusService {
  /**
   * Each document's records as stored, every document's read at start (`loadAll`) and replaced after each change:
   * the relay asks which blocks are agreed for every update, and must never be answered "none" for want of a read.
   * `reload(documentId)` takes in a change made elsewhere (another instance).
   */
  private readonly records = new Map<string, Map<string, BlockStatusRecord>>()
  private readonly agreedBlocks = new Map<string, ReadonlySet<string>>()
  /**
   * Reads of statuses begun, counted; for each document the latest read taken in (see reload), kept only while reads of
   * it are under way (none left, no older read can arrive after it), and how many are.
   */
  private reads = 0
  private readonly takenIn = new Map<string, number>()
  private readonly reading = new Map<string, number>()
  /** Called after a document's statuses changed (its counts are recomputed). */
  readonly changeListeners = new Set<(documentId: string) => void>()

  constructor(private readonly deps: BlockStatusDeps) {}

  /** What is held in memory: documents with statuses, those with agreed blocks, documents with reads under way. */
  get held(): { documents: number; agreed: number; reading: number } {
    return { documents: this.records.size, agreed: this.agreedBlocks.size, reading: Math.max(this.reading.size, this.takenIn.size) }
  }

  /** Reads every document's statuses; before the relay takes connections. */
  async loadAll(): Promise<void> {
    const all = await this.deps.statuses.recordsByDocument()
    this.records.clear()
    this.agreedBlocks.clear()
    for (const [documentId, records] of all) this.remember(documentId, records)
  }

  /**
   * Reads a document's statuses again (changed elsewhere). Reads that overlap are taken in the order they began: one
   * that finishes after a later one has been taken in is older and is dropped.
   */
  async reload(documentId: string): Promise<void> {
    const ticket = ++this.reads
    this.reading.set(documentId, (this.reading.get(documentId) ?? 0) + 1)
    try {
      const records = await this.deps.statuses.records(documentId)
      if ((this.takenIn.get(documentId) ?? 0) > ticket) return
      this.takenIn.set(documentId, ticket)
      this.remember(documentId, records)
    } finally {
      const left = this.reading.get(documentId)! - 1
      if (left > 0) this.reading.set(documentId, left)
      else {
        this.reading.delete(documentId)
        this.takenIn.delete(documentId)
      }
    }
  }

  /** The agreed blocks of a document: asked for every update the relay receives, so answered from memory. */
  agreed(documentId: string): ReadonlySet<string> {
    return this.agreedBlocks.get(documentId) ?? none
  }

  list(documentId: string): BlockStatusList {
    return { documentId, blocks: [...this.recordsOf(documentId).values()] }
  }

  /** How many of the blocks `keys` names are open, under negotiation and agreed. */
  counts(documentId: string, keys: readonly string[]): BlockStatusCounts {
    return countStatuses(keys, this.statusMap(documentId))
  }

  async audit(documentId: string): Promise<BlockStatusAudit> {
    return { documentId, entries: await this.deps.statuses.audit(documentId, this.deps.maxAuditEntries) }
  }

  /**
   * Gives every block named the status; blocks that have it already are left as they are. Refuses, changing nothing,
   * when a block is not in the document (422 `block_not_found`) or is agreed and would become something else (409
   * `block_agreed`: agreed text changes status only by being reopened).
   */
  async set(documentId: string, member: Pick<Member, 'id'>, blocks: readonly string[], status: BlockStatusValue): Promise<BlockStatusList> {
    await this.requireBlocks(documentId, blocks)
    const current = this.statusMap(documentId)
    if (status !== 'agreed') {
      const agreed = blocks.filter((block) => current.get(block) === 'agreed')
      if (agreed.length > 0) {
        throw new ApiError(
          409,
          'block_agreed',
          `blocks: ${listed(agreed)} ${agreed.length === 1 ? 'is' : 'are'} agreed ad referendum; only reopening (POST /api/documents/${documentId}/blocks/reopen, with a reason) changes that`,
          { blocks: agreed },
        )
      }
    }
    const changes = blocks
      .filter((block) => (current.get(block) ?? 'open') !== status)
      .map((block): BlockStatusChange => ({ block, from: current.get(block) ?? 'open', to: status, action: 'set', reason: null, memberId: member.id }))
    return this.write(documentId, changes)
  }

  /** Opens agreed blocks again, audited with the reason; refuses (409 `block_not_agreed`) unless every block named is agreed. */
  reopen(documentId: string, member: Pick<Member, 'id'>, blocks: readonly string[], reason: string): Promise<BlockStatusList> {
    const current = this.statusMap(documentId)
    const notAgreed = blocks.filter((block) => current.get(block) !== 'agreed')
    if (notAgreed.length > 0) {
      const states = notAgreed.map((block) => `"${block}" is ${blockStatusLabels[current.get(block) ?? 'open'].toLowerCase()}`).join(', ')
      throw new ApiError(409, 'block_not_agreed', `blocks: only agreed blocks are reopened; ${states}`, { blocks: notAgreed })
    }
    return this.write(
      documentId,
      blocks.map((block) => ({ block, from: 'agreed', to: 'open', action: 'reopen', reason, memberId: member.id })),
    )
  }

  /** Drops the records of blocks whose element is gone from the loaded document (only blocks not agreed can go). */
  pruneDeleted(room: Room): void {
    const records = this.records.get(room.id)
    if (!records || records.size === this.agreed(room.id).size) return
    const changes: BlockStatusChange[] = []
    for (const record of records.values()) {
      if (record.status === 'agreed' || this.holds(room.doc, record.block)) continue
      changes.push({ block: record.block, from: record.status, to: 'open', action: 'removed', reason: 'the block was deleted', memberId: null })
    }
    if (changes.length > 0) void this.write(room.id, changes).catch((error) => log.error('blocks.prune_failed', { documentId: room.id, error }))
  }

  private holds(doc: Y.Doc, key: string): boolean {
    const id = idOfKey(key)
    if (!id || id.clock >= Y.getState(doc.store, id.client)) return false
    const item = Y.getItem(doc.store, id)
    return item instanceof Y.Item && !item.deleted
  }

  private async write(documentId: string, changes: readonly BlockStatusChange[]): Promise<BlockStatusList> {
    if (changes.length === 0) return this.list(documentId)
    try {
      await this.deps.statuses.apply(documentId, changes)
    } catch (error) {
      if (!(error instanceof StaleBlockStatus)) throw error
      // Decided from statuses another instance or request has changed since: nothing written; what is stored now is read.
      await this.reload(documentId)
      throw new ApiError(
        409,
        'block_status_changed',
        `blocks: the status of ${listed(error.blocks)} changed while this request was decided; look at the statuses again and repeat the change if it still holds`,
        { blocks: error.blocks },
      )
    }
    await this.reload(documentId)
    const list = this.list(documentId)
    this.deps.events.publish(documentId, 'blockStatus', list)
    for (const listener of this.changeListeners) listener(documentId)
    return list
  }

  private async requireBlocks(documentId: string, blocks: readonly string[]): Promise<void> {
    const present = await readCurrentDoc(this.deps.rooms, this.deps.documents, documentId, (doc) => new Set(blockKeys(doc)))
    const missing = blocks.filter((block) => !present.has(block))
    if (missing.length > 0) {
      throw new ApiError(
        422,
        'block_not_found',
        `blocks: ${listed(missing.slice(0, 20))}${missing.length > 20 ? ` and ${missing.length - 20} more` : ''} ${missing.length === 1 ? 'is' : 'are'} not a block of this document (a top-level paragraph, heading, recommendation...)`,
        { blocks: missing },
      )
    }
  }

  private statusMap(documentId: string): Map<string, BlockStatusValue> {
    return new Map([...this.recordsOf(documentId)].map(([key, record]) => [key, record.status]))
  }

  private recordsOf(documentId: string): Map<string, BlockStatusRecord> {
    return this.records.get(documentId) ?? new Map()
  }

  /** Keeps a document's records as read; a document without any (all open) holds no entry, as one never given a status. */
  private remember(documentId: string, list: readonly BlockStatusRecord[]): void {
    if (list.length === 0) {
      this.records.delete(documentId)
      this.agreedBlocks.delete(documentId)
      return
    }
    const records = new Map(list.map((record) => [record.block, record]))
    this.records.set(documentId, records)
    const agreed = [...records.values()].filter((record) => record.status === 'agreed').map((record) => record.block)
    if (agreed.length > 0) this.agreedBlocks.set(documentId, new Set(agreed))
    else this.agreedBlocks.delete(documentId)
  }
}
