/** Live events about documents (a comment thread changed, a revision was cut, the catalogue changed), for the viewers' event streams. */

export interface DocumentEvent {
  /** The SSE event name: `thread`, `revision`, ... */
  event: string
  data: unknown
}

type Listener = (event: DocumentEvent) => void

export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>()

  /** Listeners subscribed now: one per open event stream. */
  get subscribers(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
  }

  publish(documentId: string, event: string, data: unknown): void {
    for (const listener of this.listeners.get(documentId) ?? []) listener({ event, data })
  }

  /** Sends an event to every open document's viewers (e.g. `catalogue`, when the framework catalogue changed). */
  publishToAll(event: string, data: unknown): void {
    for (const listeners of [...this.listeners.values()]) for (const listener of listeners) listener({ event, data })
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
