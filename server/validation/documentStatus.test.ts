import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../store/store.ts'
import { DocumentStatusService } from './documentStatus.ts'

describe('DocumentStatusService', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('re-validates after edits pause, and at least every maxWait while they go on', () => {
    let checks = 0
    const service = new DocumentStatusService(() => (checks++, { valid: true, problems: [] }), {} as DocumentStore, 100, 400)
    const published: string[] = []
    service.subscribe('doc', (status) => published.push(status.checkedAt))
    const doc = new Y.Doc()
    // An edit every 50 ms for a second never pauses for 100 ms.
    for (let t = 0; t < 1000; t += 50) {
      service.changed('doc', doc)
      vi.advanceTimersByTime(50)
    }
    expect(checks).toBeGreaterThanOrEqual(2)
    expect(checks).toBeLessThanOrEqual(3)
    vi.advanceTimersByTime(100)
    expect(published.length).toBe(checks)
  })
})
