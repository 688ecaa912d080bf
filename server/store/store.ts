/** Durable storage of collaborative documents: a compacted state plus an append-only update log. */

/** What is stored for one document: apply `state` (if any), then `updates` in order. */
export interface StoredDocument {
  state: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last log entry, or 0 when the log is empty. */
  lastSeq: number
}

export interface AppendEntry {
  documentId: string
  update: Uint8Array
  /** The member who sent the update, recorded for the document's audit of contributors; null for the server's own. */
  authorId?: number | null
}



export interface DocumentStore {
  /** Reads everything stored for a document; an unknown document is empty, not an error. */
  load(documentId: string): Promise<StoredDocument>
  /** Appends the updates durably, all or none, in order; resolves with each entry's sequence number. */
  append(entries: readonly AppendEntry[]): Promise<number[]>
  /**
   * Replaces the document's state with `state` and drops its log entries up to `throughSeq`,
   * atomically. `state` must contain every update up to `throughSeq`.
   */
  compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void>
  /** Bytes held for a document: state and log. */
  size(documentId: string): Promise<{ stateBytes: number; logBytes: number; logEntries: number }>
}
