/**
 * Runs work just after the next frame is painted, so that what a keystroke does not need before the screen shows it
 * (storing, sending, telling others where the caret is) stays off its path. A hidden tab paints no frames: the work
 * then runs after `fallbackMs`.
 */
export function afterNextPaint(callback: () => void, fallbackMs: number): () => void {
  let done = false
  let posted: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    if (done) return
    done = true
    cancel()
    callback()
  }
  // A task posted from the frame's animation callbacks runs once that frame has been painted.
  const frame = requestAnimationFrame(() => {
    posted = setTimeout(run, 0)
  })
  const fallback = setTimeout(run, fallbackMs)
  function cancel() {
    cancelAnimationFrame(frame)
    clearTimeout(posted)
    clearTimeout(fallback)
  }
  return () => {
    done = true
    cancel()
  }
}
