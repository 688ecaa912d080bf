/**
 * Caret labels that show on activity and fade: when a participant's caret moves or they type (their presence
 * changes), their label shows for `labelMs`, then fades. Labels shown at once that would overlap are stacked upwards.
 * Work happens only when presence changes, on an animation frame, never per local keystroke.
 */
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { caretKey, stackLabels, type LabelBox } from './caretLabels.ts'

/** How long a label stays after its participant's last activity. */
export const labelMs = 3000

export function useCaretLabels(editor: Editor | null, awareness: Awareness): void {
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const lastActive = new Map<string, number>()
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined

    const refresh = () => {
      frame = 0
      if (editor.isDestroyed) return
      const now = performance.now()
      const carets = editor.view.dom.querySelectorAll<HTMLElement>('.collaboration-carets__caret')
      const shown: Array<{ label: HTMLElement; box: LabelBox }> = []
      let nextExpiry = Infinity
      carets.forEach((caret, index) => {
        const label = caret.querySelector<HTMLElement>('.collaboration-carets__label')
        if (!label) return
        const since = now - (lastActive.get(caret.dataset.caret ?? '') ?? -Infinity)
        const visible = since < labelMs
        caret.classList.toggle('is-labelled', visible)
        if (!visible) return
        nextExpiry = Math.min(nextExpiry, labelMs - since)
        label.style.translate = ''
        const rect = label.getBoundingClientRect()
        shown.push({ label, box: { id: index, left: rect.left, top: rect.top, width: rect.width, height: rect.height } })
      })
      const lifts = stackLabels(shown.map(({ box }) => box))
      for (const { label, box } of shown) {
        const lift = lifts.get(box.id) ?? 0
        label.style.translate = lift > 0 ? `0 ${-lift}px` : ''
      }
      clearTimeout(timer)
      if (nextExpiry < Infinity) timer = setTimeout(schedule, nextExpiry + 20)
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(refresh)
    }
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      const states = awareness.getStates()
      const now = performance.now()
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue
        const user = (states.get(clientId) as { user?: { name?: unknown; color?: unknown } } | undefined)?.user
        if (user) lastActive.set(caretKey(user), now)
      }
      schedule()
    }
    awareness.on('change', onChange)
    // Carets drawn again (a change through Yjs, the caret moved) keep their state: checked after the editor updates.
    const onUpdate = () => {
      const now = performance.now()
      for (const at of lastActive.values()) {
        if (now - at < labelMs) return schedule()
      }
    }
    editor.on('update', onUpdate)
    return () => {
      awareness.off('change', onChange)
      editor.off('update', onUpdate)
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [editor, awareness])
}
