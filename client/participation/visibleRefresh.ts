/** Refreshes something every interval while the page is visible; a page shown again after a longer absence refreshes at once. */

/** Whether a refresh is due: the page is visible and the last one is at least an interval old. */
export function refreshDue(now: number, lastAt: number, intervalMs: number, visibility: DocumentVisibilityState): boolean {
  return visibility === 'visible' && now - lastAt >= intervalMs
}

export type VisiblePage = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>

/** Starts refreshing; returns the function that stops. The interval counts from now: what it refreshes has just been loaded. */
export function refreshWhileVisible(refresh: () => void, intervalMs: number, page: VisiblePage = document): () => void {
  let lastAt = Date.now()
  let timer: ReturnType<typeof setTimeout> | null = null
  const schedule = () => {
    if (timer !== null) clearTimeout(timer)
    // A hidden page waits for visibilitychange instead of a timer.
    timer = page.visibilityState === 'visible' ? setTimeout(tick, Math.max(0, lastAt + intervalMs - Date.now())) : null
  }
  const tick = () => {
    timer = null
    if (refreshDue(Date.now(), lastAt, intervalMs, page.visibilityState)) {
      lastAt = Date.now()
      refresh()
    }
    schedule()
  }
  page.addEventListener('visibilitychange', tick)
  schedule()
  return () => {
    if (timer !== null) clearTimeout(timer)
    page.removeEventListener('visibilitychange', tick)
  }
}
