/** One timer per pending deadline, re-armed in steps for delays past setTimeout's limit (about 24.8 days). */

/** setTimeout's longest delay: 2^31 - 1 ms. A longer one fires at once. */
export const maxTimerDelayMs = 2_147_483_647

export class DeadlineTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxDelayMs: number = maxTimerDelayMs,
  ) {}

  /** Runs `fire` once the clock reaches `at` (never before it, by `now`); replaces any timer under the same key. */
  schedule(key: string, at: number, fire: () => void): void {
    this.cancel(key)
    const arm = () => {
      const left = at - this.now()
      if (left <= 0) {
        this.timers.delete(key)
        fire()
        return
      }
      const timer = setTimeout(arm, Math.min(left, this.maxDelayMs))
      // A pending deadline must not keep a stopping process alive: it is settled at the next start instead.
      timer.unref()
      this.timers.set(key, timer)
    }
    arm()
  }

  cancel(key: string): void {
    const timer = this.timers.get(key)
    if (timer) clearTimeout(timer)
    this.timers.delete(key)
  }

  has(key: string): boolean {
    return this.timers.has(key)
  }

  get size(): number {
    return this.timers.size
  }

  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
