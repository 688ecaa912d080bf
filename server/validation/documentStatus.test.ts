import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DocumentStatusService } from './documentStatus.ts'

/** A check's answer: valid or not, with nothing else to say. */
const checked = (valid: boolean) => ({ valid, problems: [], problemCount: 0, omittedProblems: 0, negotiation: { brackets: 0, alternatives: 0 }, submittable: true })

/** A service whose checks each wait until the test answers them (`answers[i](valid)`, in the order they began). */
function answeredByHand(debounceMs: number, loaded?: (documentId: string) => boolean) {
  const answers: Array<(valid: boolean) => void> = []
  const service = new DocumentStatusService(() => new Promise((resolve) => answers.push((valid) => resolve(checked(valid)))), debounceMs, debounceMs * 4, undefined, loaded)
  return { service, answers }
}

describe('DocumentStatusService', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('re-validates after edits pause, and at least every maxWait while they go on', async () => {
    let checks = 0
    const service = new DocumentStatusService(async () => (checks++, checked(true)), 100, 400)
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
    const { service, answers } = answeredByHand(100)
    const older = service.current('doc')
    // Edited meanwhile: the next question does not share the check begun before the edit.
    service.changed('doc')
    const newer = service.current('doc')
    expect(answers).toHaveLength(2)
    answers[1](true)
    expect((await newer).valid).toBe(true)
    answers[0](false)
    expect((await older).valid).toBe(true)
  })

  it('counts block statuses over the keys the check found, and counts again when only the statuses change', async () => {
    vi.useRealTimers()
    const statuses = new Map<string, 'negotiating' | 'agreed'>([['1:0', 'agreed']])
    const service = new DocumentStatusService(
      async () => ({ ...checked(true), blockKeys: ['1:0', '1:5', '1:9'] }),
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

  it('keeps every status of a document loaded or watched here, and of the others only the most recently checked', async () => {
    vi.useRealTimers()
    const loaded = new Set<string>()
        let checks = 0
    const service = new DocumentStatusService(async () => (checks++, checked(true)), 100, 400, undefined, (documentId) => loaded.has(documentId), 2)
    // A thousand documents nobody has open, each asked for once: answered, the last two kept.
    for (let i = 0; i < 1000; i++) expect((await service.current(`read-once-${i}`)).documentId).toBe(`read-once-${i}`)
    expect(service.held).toBe(2)
    // Asked again, a kept one is not checked again; one let go is.
    await service.current('read-once-999')
    expect(checks).toBe(1000)
    await service.current('read-once-0')
    expect(checks).toBe(1001)
    expect(service.held).toBe(2)
    // Watched or loaded: kept, however many; back to resting when neither, the oldest resting going.
    const stops = Array.from({ length: 5 }, (_, i) => service.subscribe(`watched-${i}`, () => {}))
    for (let i = 0; i < 5; i++) await service.current(`watched-${i}`)
    loaded.add('open')
    await service.current('open')
    expect(service.held).toBe(2 + 5 + 1)
    for (const stop of stops) stop()
    expect(service.held).toBe(2 + 1)
    loaded.delete('open')
    service.forget('open')
    expect(service.held).toBe(2)
    // Many questions at once about one document share one check.
    const answers = await Promise.all(Array.from({ length: 20 }, () => service.current('asked-at-once')))
    expect(new Set(answers).size).toBe(1)
    expect(checks).toBe(1001 + 5 + 1 + 1)
  })

  it('lets a status go when the document changed where this instance did not see it, and when a check after edits fails', async () => {
    vi.useRealTimers()
    let failing = false
    let checks = 0
    const service = new DocumentStatusService(
      async () => {
        checks++
        if (failing) throw new Error('the pool is full')
        return checked(true)
      },
      10,
      40,
    )
    await service.current('doc')
    service.invalidate('doc')
    expect(service.held).toBe(0)
    await service.current('doc')
    expect(checks).toBe(2)
    // Edited, and the check after the edits fails: the status from before them is not served as current.
    failing = true
    service.changed('doc')
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(service.held).toBe(0)
    failing = false
    expect((await service.current('doc')).valid).toBe(true)
    expect(checks).toBe(4)
  })

  it('lets a check under way when the status goes neither keep nor publish what it found', async () => {
    vi.useRealTimers()
    const loaded = new Set(['doc'])
    const { service, answers } = answeredByHand(100, (documentId) => loaded.has(documentId))
    const asked = service.current('doc')
    // Another instance changed the text meanwhile: what this check read may be older.
    service.invalidate('doc')
    // Asked now, it is checked again, not answered by the check begun before.
    const meanwhile = service.current('doc')
    expect(answers).toHaveLength(2)
    answers[0](false)
    expect((await asked).valid).toBe(false)
    expect(service.held).toBe(0)
    answers[1](true)
    expect((await meanwhile).valid).toBe(true)
    expect(service.held).toBe(1)
  })

  it('answers a question asked after the check of an edit began with that check, not an older one', async () => {
    vi.useRealTimers()
    const { service, answers } = answeredByHand(10)
    const beforeEdit = service.current('doc')
    service.changed('doc')
    // The edit's check begins once edits pause.
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(answers).toHaveLength(2)
    const afterEdit = service.current('doc')
    expect(answers).toHaveLength(2)
    answers[0](false)
    expect((await beforeEdit).valid).toBe(false)
    answers[1](true)
    expect((await afterEdit).valid).toBe(true)
  })
})
