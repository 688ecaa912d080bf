/**
 * Sync answers from what the store holds for a document, before its Y.Doc is built: the stored state and log, merged
 * once, diffed against each client's state vector (pure, no I/O). It is made only from a complete read of the store.
 */
import * as Y from 'yjs'
import type { StoredDocument } from '../store/store.ts'
import { readsThrough } from './updateReadThrough.ts'

export class StoredAnswer {
  /** The stored bytes as one update; null once they have failed to decode (then nothing is answered from them). */
  private merged: Uint8Array | null | undefined
  /** Whether the merged bytes have been read through once without error. */
  private read = false

  constructor(private readonly stored: Pick<StoredDocument, 'state' | 'updates'>) {}

  /**
   * The sync step 2 payload for a client whose state vector is `stateVector`, or null when the stored bytes cannot
   * answer: nothing is stored (a new document is built at once), or they do not decode.
   */
  answer(stateVector: Uint8Array): Uint8Array | null {
    try {
      // A client that holds nothing gets the stored bytes themselves, once they have been read through (without
      // building anything); any other gets the diff, which reads structs and deletions. Bytes that do not decode are
      // never served.
      if (stateVector.length === 1 && stateVector[0] === 0) return this.readThrough()
      const merged = this.mergedBytes()
      return merged && Y.diffUpdate(merged, stateVector)
    } catch {
      this.merged = null
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
      this.merged = null
    }
  }

  private readThrough(): Uint8Array | null {
    const merged = this.mergedBytes()
    if (merged && !this.read) {
      if (!readsThrough(merged)) {
        this.merged = null
        return null
      }
      this.read = true
    }
    return merged
  }

  private mergedBytes(): Uint8Array | null {
    if (this.merged !== undefined) return this.merged
    const parts = this.stored.state ? [this.stored.state, ...this.stored.updates] : this.stored.updates
    try {
      this.merged = parts.length === 0 ? null : parts.length === 1 ? parts[0] : Y.mergeUpdates(parts)
    } catch {
      this.merged = null
    }
    return this.merged
  }
}
