import { describe, expect, it } from 'vitest'
import { DocumentEvents, type DocumentEvent } from './documentEvents.ts'

describe('DocumentEvents', () => {
  it("sends a document event to that document's followers only, and an event for all to every follower", () => {
    const events = new DocumentEvents()
    const received: Record<string, DocumentEvent[]> = { a1: [], a2: [], b: [] }
    events.subscribe('doc-a', (event) => received.a1.push(event))
    const stopA2 = events.subscribe('doc-a', (event) => received.a2.push(event))
    events.subscribe('doc-b', (event) => received.b.push(event))

    events.publish('doc-a', 'thread', { id: 1 })
    events.publishToAll('catalogue', { revision: 3 })
    stopA2()
    events.publishToAll('catalogue', { revision: 4 })

    expect(received.a1.map(({ event }) => event)).toEqual(['thread', 'catalogue', 'catalogue'])
    expect(received.a2).toEqual([{ event: 'thread', data: { id: 1 } }, { event: 'catalogue', data: { revision: 3 } }])
    expect(received.b).toEqual([{ event: 'catalogue', data: { revision: 3 } }, { event: 'catalogue', data: { revision: 4 } }])
  })
})
