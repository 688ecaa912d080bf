import { afterEach, describe, expect, test, vi } from 'vitest'
import { listThreads } from './comments.ts'

const author = { id: 1, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' }

function thread(id: string) {
  return {
    id,
    documentId: 'd',
    anchor: { start: 'AQ==', end: 'AQ==', quote: 'q' },
    author,
    stakeholder: false,
    createdAt: 1,
    resolved: null,
    comments: [{ id: `${id}-c`, threadId: id, author, body: 'Text.', createdAt: 1, editedAt: null, deleted: false }],
  }
}

describe('listThreads', () => {
  afterEach(() => vi.unstubAllGlobals())

  test('reads every page the server serves, following its cursor, and returns the threads in order', async () => {
    const pages: Record<string, { threads: ReturnType<typeof thread>[]; next: string | null }> = {
      '/api/documents/d%2F1/threads': { threads: [thread('a'), thread('b')], next: 'b' },
      '/api/documents/d%2F1/threads?after=b': { threads: [thread('c'), thread('d')], next: 'd' },
      '/api/documents/d%2F1/threads?after=d': { threads: [thread('e')], next: null },
    }
    const asked: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string) => {
        asked.push(path)
        return new Response(JSON.stringify(pages[path]), { status: pages[path] ? 200 : 404, headers: { 'content-type': 'application/json' } })
      }),
    )
    const threads = await listThreads('d/1')
    expect(threads.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(asked).toEqual(Object.keys(pages))
  })
})
