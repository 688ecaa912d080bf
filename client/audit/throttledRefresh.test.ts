import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { throttledRefresh } from './throttledRefresh.ts'

describe('throttled refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('right after loading, a burst of requests runs once, at the end of the interval', () => {
    const action = vi.fn()
    const throttle = throttledRefresh(action, 10_000)
    vi.advanceTimersByTime(1_000)
    for (let i = 0; i < 5; i++) throttle.request()
    expect(action).not.toHaveBeenCalled()
    vi.advanceTimersByTime(8_999)
    expect(action).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(action).toHaveBeenCalledTimes(1)
  })

  test('a request after a quiet interval runs at once; the next within 10 s waits for the rest of it', () => {
    const action = vi.fn()
    const throttle = throttledRefresh(action, 10_000)
    vi.advanceTimersByTime(30_000)
    throttle.request()
    expect(action).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(4_000)
    throttle.request()
    throttle.request()
    expect(action).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(6_000)
    expect(action).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(60_000)
    expect(action).toHaveBeenCalledTimes(2)
  })

  test('never more than once per interval, however steady the requests', () => {
    const action = vi.fn()
    const throttle = throttledRefresh(action, 10_000)
    for (let second = 0; second < 60; second++) {
      throttle.request()
      vi.advanceTimersByTime(1_000)
    }
    expect(action).toHaveBeenCalledTimes(6)
  })

  test('cancelled (the panel closed), a waiting run does not happen', () => {
    const action = vi.fn()
    const throttle = throttledRefresh(action, 10_000)
    throttle.request()
    throttle.cancel()
    vi.advanceTimersByTime(20_000)
    expect(action).not.toHaveBeenCalled()
  })
})
