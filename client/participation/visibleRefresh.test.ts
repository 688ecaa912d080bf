import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { refreshDue, refreshWhileVisible, type VisiblePage } from './visibleRefresh.ts'

class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible'
  show(visibility: DocumentVisibilityState) {
    this.visibilityState = visibility
    this.dispatchEvent(new Event('visibilitychange'))
  }
}

describe('refreshing while the page is visible', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('a refresh is due once an interval has passed, and only while the page is visible', () => {
    expect(refreshDue(60_000, 0, 60_000, 'visible')).toBe(true)
    expect(refreshDue(59_999, 0, 60_000, 'visible')).toBe(false)
    expect(refreshDue(600_000, 0, 60_000, 'hidden')).toBe(false)
  })

  test('every minute while visible; nothing while hidden; at once when shown again after a minute or more', () => {
    const page = new FakePage()
    const refresh = vi.fn()
    const stop = refreshWhileVisible(refresh, 60_000, page as unknown as VisiblePage)
    vi.advanceTimersByTime(59_999)
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(refresh).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(refresh).toHaveBeenCalledTimes(2)

    page.show('hidden')
    vi.advanceTimersByTime(300_000)
    expect(refresh).toHaveBeenCalledTimes(2)
    page.show('visible')
    expect(refresh).toHaveBeenCalledTimes(3)
    vi.advanceTimersByTime(60_000)
    expect(refresh).toHaveBeenCalledTimes(4)
    stop()
    vi.advanceTimersByTime(600_000)
    expect(refresh).toHaveBeenCalledTimes(4)
  })

  test('shown again within the minute: the refresh waits for the rest of it', () => {
    const page = new FakePage()
    const refresh = vi.fn()
    const stop = refreshWhileVisible(refresh, 60_000, page as unknown as VisiblePage)
    vi.advanceTimersByTime(10_000)
    page.show('hidden')
    vi.advanceTimersByTime(20_000)
    page.show('visible')
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(29_999)
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(refresh).toHaveBeenCalledTimes(1)
    stop()
  })
})
