/** One EventSource per open document (`/api/documents/:id/events`), shared by everyone following its events. */

type Handler = (data: unknown) => void

interface Stream {
  source: EventSource
  handlers: Map<string, Set<Handler>>
  reconnectHandlers: Set<() => void>
  opened: boolean
}

const streams = new Map<string, Stream>()

function openStream(documentId: string): Stream {
  const source = new EventSource(`/api/documents/${encodeURIComponent(documentId)}/events`, { withCredentials: true })
  const stream: Stream = { source, handlers: new Map(), reconnectHandlers: new Set(), opened: false }
  source.addEventListener('open', () => {
    // The browser reconnects on its own; events sent meanwhile are lost, so followers catch up.
    if (stream.opened) for (const handler of stream.reconnectHandlers) handler()
    stream.opened = true
  })
  streams.set(documentId, stream)
  return stream
}

function closeIfUnused(documentId: string, stream: Stream): void {
  if (stream.reconnectHandlers.size > 0) return
  for (const handlers of stream.handlers.values()) if (handlers.size > 0) return
  stream.source.close()
  if (streams.get(documentId) === stream) streams.delete(documentId)
}

export interface EventFollower {
  /** Called with each event's parsed JSON; malformed events are skipped. */
  onEvent: Handler
  /** Called when the stream came back after a break, so the follower can fetch what it missed. */
  onReconnect?: () => void
}

/** Follows one kind of event (`status`, `thread`) of a document; returns the function that stops following. */
export function followDocumentEvents(documentId: string, event: string, follower: EventFollower): () => void {
  const stream = streams.get(documentId) ?? openStream(documentId)
  let handlers = stream.handlers.get(event)
  if (!handlers) {
    const forEvent = new Set<Handler>()
    handlers = forEvent
    stream.handlers.set(event, forEvent)
    stream.source.addEventListener(event, (message) => {
      let data: unknown
      try {
        data = JSON.parse((message as MessageEvent<string>).data)
      } catch {
        return
      }
      for (const handler of forEvent) handler(data)
    })
  }
  const handler: Handler = (data) => follower.onEvent(data)
  const onReconnect = follower.onReconnect ? () => follower.onReconnect?.() : null
  handlers.add(handler)
  if (onReconnect) stream.reconnectHandlers.add(onReconnect)
  return () => {
    stream.handlers.get(event)?.delete(handler)
    if (onReconnect) stream.reconnectHandlers.delete(onReconnect)
    closeIfUnused(documentId, stream)
  }
}
