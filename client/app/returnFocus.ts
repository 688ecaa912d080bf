/**
 * Where focus goes back when a form or bar opened from somewhere closes (Escape, Cancel): to what had it when it
 * opened, the button or the text, rather than to the page (which leaves a keyboard user at its start, told nothing).
 */

/** What has focus now, worth going back to: not the page itself. */
export function focusedNow(): HTMLElement | null {
  const active = typeof document === 'undefined' ? null : document.activeElement
  return active instanceof HTMLElement && active !== document.body ? active : null
}

/**
 * Once the closing has been drawn: focus goes to `opener` if nothing else took it meanwhile (focus is on the page) and
 * `opener` is still there.
 */
export function returnFocus(opener: HTMLElement | null): void {
  requestAnimationFrame(() => {
    if (!opener?.isConnected) return
    const active = document.activeElement
    if (active === null || active === document.body) opener.focus()
  })
}
