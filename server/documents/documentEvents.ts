/** Live events about documents (a comment thread changed, a revision was cut, the catalogue changed), for the viewers' event streams. */

export interface DocumentEvent {
  /** The SSE event name: `thread`, `revision`, ... */
  event: string
  data: unknown
}

type Listener = (event: DocumentEvent) => void

export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>()
  /** Every open event stream, to end it when events it should have had may be lost (its client reconnects and catches up). */
  readonly restartListeners = new Set<() => void>()
  /** Told of every event published here (document id null: to all), to pass it on to the other instances. */
  readonly publishedListeners = new Set<(documentId: string | null, event: DocumentEvent) => void>()

  /** Listeners subscribed now: one per open event stream. */
  get subscribers(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
  }

  publish(documentId: string, event: string, data: unknown): void {
    this.deliver(documentId, { event, data })
    for (const listener of this.publishedListeners) listener(documentId, { event, data })
  }

  /** Sends an event to every open document's viewers (e.g. `catalogue`, when the framework catalogue changed). */
  publishToAll(event: string, data: unknown): void {
    this.deliver(null, { event, data })
    for (const listener of this.publishedListeners) listener(null, { event, data })
  }

  /** Hands an event to this instance's listeners only (one another instance published): to a document's, or (null) to all. */
  deliver(documentId: string | null, event: DocumentEvent): void {
    const sets = documentId === null ? [...this.listeners.values()] : [this.listeners.get(documentId) ?? []]
    for (const listeners of sets) for (const listener of [...listeners]) listener(event)
  }

  /** Ends every open event stream; their clients reconnect and fetch what they missed. */
  restartStreams(): void {
    for (const listener of [...this.restartListeners]) listener()
  }

  /** Returns the unsubscribe function. */
  subscribe(documentId: string, listener: Listener): () => void {
    let set = this.listeners.get(documentId)
    if (!set) this.listeners.set(documentId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.listeners.get(documentId) === set) this.listeners.delete(documentId)
    }
  }
}
