/** Durable storage of collaborative documents: a compacted state plus an append-only update log. */

/** What is stored for one document: apply `state` (if any), then `updates` in order. */
export interface StoredDocument {
  state: Uint8Array | null
  updates: Uint8Array[]
  /** The sequence number of each log entry in `updates`, in the same order. */
  seqs: number[]
  /** Sequence number of the last log entry, or 0 when the log is empty. */
  lastSeq: number
  /**
   * The highest log entry the stored state merged (0 when there is no state): a state built on this one is passed to
   * `compact` with it, so that it replaces this one even when it merges no entry. Unset where a store keeps none.
   */
  throughSeq?: number
  /**
   * The state against the digest its compaction stored with it (after checking that it loads whole): `matches`, the
   * bytes are those it checked; `differs`, they changed since; `absent`, no digest (no state, or one stored before
   * digests were kept). Unset where a store keeps none.
   */
  stateDigest?: StateDigestCheck
}

export type StateDigestCheck = 'matches' | 'differs' | 'absent'

export interface AppendEntry {
  documentId: string
  update: Uint8Array
  /** The member who sent the update, recorded for the document's audit of contributors; null for the server's own. */
  authorId?: number | null
}

/** A copy of what was stored for a document that did not load whole, kept for the operator. */
export interface QuarantinedDocument {
  id: number
  documentId: string
  reason: string
  createdAt: number
  recoveredAt: number | null
  stored: StoredDocument
}

export interface DocumentStore {
  /** Reads everything stored for a document; an unknown document is empty, not an error. */
  load(documentId: string): Promise<StoredDocument>
  /** Appends the updates durably, all or none, in order; resolves with each entry's sequence number. */
  append(entries: readonly AppendEntry[]): Promise<number[]>
  /**
   * Appends like `append`, but at once, on the caller's turn of the event loop, returning each entry's sequence number;
   * null when the store cannot now (then `append`): always on PostgreSQL, where every write waits for I/O.
   */
  appendNow?(entries: readonly AppendEntry[]): number[] | null
  /**
   * Replaces the document's state with `state` and drops exactly the log entries `mergedSeqs`, atomically.
   * `state` must contain every one of those entries; entries appended meanwhile (by anyone) stay. `basis` is the
   * `throughSeq` of the stored state `state` was built on (0: none). The state is written unless the stored one has
   * merged later entries than `state` holds (a compaction elsewhere that finished first): resolves with whether it was.
   */
  compact(documentId: string, state: Uint8Array, mergedSeqs: readonly number[], basis?: number): Promise<boolean>
  /** Bytes held for a document: state and log. */
  size(documentId: string): Promise<{ stateBytes: number; logBytes: number; logEntries: number }>
  /**
   * Keeps a copy of `stored` (the raw bytes) for the operator, unless the latest copy not yet recovered holds the same
   * bytes (the same state, the same log entries); resolves with whether a copy was made.
   */
  quarantine(documentId: string, stored: StoredDocument, reason: string): Promise<boolean>
  /** The quarantined copies of a document, oldest first. */
  quarantined(documentId: string): Promise<QuarantinedDocument[]>
  /** Marks a document's quarantined copies as recovered (they are kept). */
  markRecovered(documentId: string): Promise<void>
}
