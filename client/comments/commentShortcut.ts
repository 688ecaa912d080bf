/** The keyboard shortcut that opens a comment on the selected text (Ctrl+Alt+M, ⌘⌥M on a Mac), named once. */
import { useEffect } from 'react'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** As shown to readers. */
export const commentShortcut = isMac ? '⌘⌥M' : 'Ctrl+Alt+M'
/** As `aria-keyshortcuts` names it. */
export const commentShortcutAria = isMac ? 'Meta+Alt+M' : 'Control+Alt+M'

/** Calls `start` on the shortcut anywhere in the page while `enabled`. */
export function useCommentShortcut(enabled: boolean, start: () => void): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault()
        start()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled, start])
}
