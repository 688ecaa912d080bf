/**
 * Sync answers from what the store holds for a document, before its Y.Doc is built: the stored state and the log (its
 * entries merged once, which is quick: they are small), each diffed against a client's state vector (pure, no I/O).
 * The two are never merged into one: merging a large state with its log costs as much as building the document (95 ms
 * for a 288 KB state and 1,000 entries), which is what answering from the stored bytes is there to avoid. The answer is
 * made only from a complete read of the store.
 *
 * Bytes are served whole only once known sound: a state whose digest matches the one its compaction stored (which
 * checked that it loads whole) at once; a state without a digest, and the log, once read through (12 ms for a 300 KB
 * state in a process just started); a state whose digest differs, never (the document is built and checked first).
 */
import * as Y from 'yjs'
import type { StoredDocument } from '../store/store.ts'
import { readsThrough } from './updateReadThrough.ts'

/**
 * What a client is sent, in this order: the log's part as an update (`log`, null when it adds nothing) and the
 * state's part as sync step 2 (`state`). The log comes first: the client is marked synced by the step 2 only, once
 * it holds both, so it is never synced on a part of the document (what the log adds to the state waits, pending,
 * until the state arrives; only log content that builds on nothing stored may show a moment before).
 */
export interface StoredReply {
  log: Uint8Array | null
  state: Uint8Array
}

interface Parts {
  state: Uint8Array
  log: Uint8Array | null
}

export class StoredAnswer {
  /** The stored bytes in two parts; null once they have failed to decode (then nothing is answered from them). */
  private parts: Parts | null | undefined
  /** Whether the parts have been read through once without error. */
  private read = false

  constructor(private readonly stored: Pick<StoredDocument, 'state' | 'updates' | 'stateDigest'>) {}

  /**
   * The reply to a client whose state vector is `stateVector`, or null when the stored bytes cannot answer: nothing is
   * stored (a new document is built at once), or they do not decode.
   */
  answer(stateVector: Uint8Array): StoredReply | null {
    try {
      // A client that holds nothing gets the stored bytes themselves, once they have been read through (without
      // building anything); any other gets the diffs, which read structs and deletions. Bytes that do not decode are
      // never served.
      if (stateVector.length === 1 && stateVector[0] === 0) return this.readThrough()
      const parts = this.partsOf()
      if (!parts) return null
      const log = parts.log && Y.diffUpdate(parts.log, stateVector)
      return { log: log && !isEmpty(log) ? log : null, state: Y.diffUpdate(parts.state, stateVector) }
    } catch {
      this.parts = null
      return null
    }
  }

  /**
   * Reads the stored bytes through once, ahead of the first request for them (the room does it while its first
   * client is still opening its connection); later answers to clients that hold nothing are then immediate.
   */
  prepare(): void {
    try {
      this.readThrough()
    } catch {
      this.parts = null
    }
  }

  private readThrough(): Parts | null {
    const parts = this.partsOf()
    if (parts && !this.read) {
      // The stored state, when its digest matches; the log's merge (when it is the step 2).
      const stateKnownSound = this.stored.stateDigest === 'matches' && parts.state === this.stored.state
      if ((!stateKnownSound && !readsThrough(parts.state)) || (parts.log && !readsThrough(parts.log))) {
        this.parts = null
        return null
      }
      this.read = true
    }
    return parts
  }

  private partsOf(): Parts | null {
    if (this.parts !== undefined) return this.parts
    const { state, updates } = this.stored
    if (this.stored.stateDigest === 'differs') return (this.parts = null)
    try {
      const log = updates.length === 0 ? null : updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
      // Without a stored state, the log is the whole document: it goes as the step 2.
      this.parts = state ? { state, log } : log ? { state: log, log: null } : null
    } catch {
      this.parts = null
    }
    return this.parts
  }
}

/** An update with no struct and no deletion (what a diff of something the client already has comes to). */
function isEmpty(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
