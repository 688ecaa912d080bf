import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DocumentStatusService } from './documentStatus.ts'

describe('DocumentStatusService', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('re-validates after edits pause, and at least every maxWait while they go on', async () => {
    let checks = 0
    const service = new DocumentStatusService(async () => (checks++, { valid: true, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true }), 100, 400)
    const published: string[] = []
    service.subscribe('doc', (status) => published.push(status.checkedAt))
    // An edit every 50 ms for a second never pauses for 100 ms.
    for (let t = 0; t < 1000; t += 50) {
      service.changed('doc')
      await vi.advanceTimersByTimeAsync(50)
    }
    expect(checks).toBeGreaterThanOrEqual(2)
    expect(checks).toBeLessThanOrEqual(3)
    await vi.advanceTimersByTimeAsync(100)
    expect(published.length).toBe(checks)
  })

  it('keeps the newer status when an older check finishes last', async () => {
    vi.useRealTimers()
    const answers: Array<(valid: boolean) => void> = []
    const service = new DocumentStatusService(
      () => new Promise((resolve) => answers.push((valid) => resolve({ valid, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true }))),
      100,
    )
    const older = service.current('doc')
    const newer = service.current('doc')
    answers[1](true)
    expect((await newer).valid).toBe(true)
    answers[0](false)
    expect((await older).valid).toBe(true)
    expect((await service.current('doc')).valid).toBe(true)
  })

  it('counts block statuses over the keys the check found, and counts again when only the statuses change', async () => {
    vi.useRealTimers()
    const statuses = new Map<string, 'negotiating' | 'agreed'>([['1:0', 'agreed']])
    const service = new DocumentStatusService(
      async () => ({ valid: true, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true, blockKeys: ['1:0', '1:5', '1:9'] }),
      100,
      400,
      (_documentId, keys) => ({
        open: keys.filter((key) => !statuses.has(key)).length,
        negotiating: keys.filter((key) => statuses.get(key) === 'negotiating').length,
        agreed: keys.filter((key) => statuses.get(key) === 'agreed').length,
      }),
    )
    const first = await service.current('doc')
    expect(first.blocks).toEqual({ open: 2, negotiating: 0, agreed: 1 })
    expect(first).not.toHaveProperty('blockKeys')
    const published: unknown[] = []
    service.subscribe('doc', (status) => published.push(status.blocks))
    statuses.set('1:5', 'negotiating')
    service.recount('doc')
    expect(published).toEqual([{ open: 1, negotiating: 1, agreed: 1 }])
    expect((await service.current('doc')).blocks).toEqual({ open: 1, negotiating: 1, agreed: 1 })
  })

  it('keeps a status only while its document is loaded or watched here: documents read once and closed leave nothing', async () => {
    vi.useRealTimers()
    const loaded = new Set<string>()
    const valid = { valid: true, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true }
    let checks = 0
    const service = new DocumentStatusService(async () => (checks++, valid), 100, 400, undefined, (documentId) => loaded.has(documentId))
    // A thousand documents nobody has open, each asked for once: answered, not kept.
    for (let i = 0; i < 1000; i++) expect((await service.current(`read-once-${i}`)).documentId).toBe(`read-once-${i}`)
    expect(service.held).toBe(0)
    // Watched: kept while watched, and let go when the last watcher leaves (the document is not loaded).
    const stop = service.subscribe('watched', () => {})
    await service.current('watched')
    await service.current('watched')
    expect(checks).toBe(1001)
    expect(service.held).toBe(1)
    stop()
    expect(service.held).toBe(0)
    // Loaded: kept without a watcher until its room goes.
    loaded.add('open')
    await service.current('open')
    expect(service.held).toBe(1)
    loaded.delete('open')
    service.forget('open')
    expect(service.held).toBe(0)
    // Still watched elsewhere on the page: the room going does not drop it.
    const watching = service.subscribe('open', () => {})
    await service.current('open')
    service.forget('open')
    expect(service.held).toBe(1)
    watching()
    expect(service.held).toBe(0)
  })

  it('lets a check under way when the status goes neither keep nor publish what it found', async () => {
    vi.useRealTimers()
    const loaded = new Set(['doc'])
    const answers: Array<(valid: boolean) => void> = []
    const service = new DocumentStatusService(
      () => new Promise((resolve) => answers.push((valid) => resolve({ valid, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true }))),
      100,
      400,
      undefined,
      (documentId) => loaded.has(documentId),
    )
    const asked = service.current('doc')
    // Another instance changed the text meanwhile (or the room unloaded): what this check read may be older.
    service.forget('doc')
    answers[0](false)
    expect((await asked).valid).toBe(false)
    expect(service.held).toBe(0)
    // The next question checks again and keeps its answer.
    const again = service.current('doc')
    answers[1](true)
    expect((await again).valid).toBe(true)
    expect(service.held).toBe(1)
  })
})
