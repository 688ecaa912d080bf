/** Runs an action at most once per interval however often it is asked for; a request inside the interval runs at its end, never lost. */

export interface ThrottledRefresh {
  /** Asks for the action: now if the interval since the last run has passed, else once at its end. */
  request(): void
  cancel(): void
}

export interface Timers {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}

/** The interval counts from the moment it is made: what it refreshes has just been loaded. */
export function throttledRefresh(action: () => void, intervalMs: number, timers: Timers = browserTimers): ThrottledRefresh {
  let lastRun = timers.now()
  let pending: unknown = null
  const run = () => {
    pending = null
    lastRun = timers.now()
    action()
  }
  return {
    request() {
      if (pending !== null) return
      const wait = lastRun + intervalMs - timers.now()
      if (wait <= 0) run()
      else pending = timers.setTimeout(run, wait)
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending)
      pending = null
    },
  }
}
