/** A viewer's Server-Sent Events stream of a document, read with fetch and a reader as the browser's EventSource would. */
import type { TestServer } from './server.ts'

export interface EventStream {
  /** Waits for an event of that name whose data passes `match`; null after the timeout. */
  next(event: string, match: (data: any) => boolean, timeoutMs?: number): Promise<any>
  close(): void
}

export async function openEvents(server: Pick<TestServer, 'url'>, documentId: string, token: string): Promise<EventStream> {
  const controller = new AbortController()
  const response = await fetch(`${server.url}/api/documents/${documentId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  if (!response.headers.get('content-type')?.includes('text/event-stream')) throw new Error(`not an event stream: ${response.status}`)
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const events: Array<{ event: string; data: any }> = []
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null
  const parse = () => {
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = block.match(/^event: (.*)$/m)?.[1]
      const data = block.match(/^data: (.*)$/m)?.[1]
      if (event && data) events.push({ event, data: JSON.parse(data) })
    }
  }
  return {
    async next(event, match, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const index = events.findIndex((e) => e.event === event && match(e.data))
        if (index >= 0) return events.splice(index, 1)[0].data
        const left = deadline - Date.now()
        if (left <= 0) return null
        pending ??= reader.read()
        const result = await Promise.race([pending, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left))])
        if (result === 'timeout') return null
        pending = null
        if (result.done) return null
        buffer += decoder.decode(result.value, { stream: true })
        parse()
      }
    },
    close: () => controller.abort(),
  }
}
