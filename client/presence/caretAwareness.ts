/**
 * The presence as the editor's caret plugin sees it. Its 'change' listeners hear only other participants' changes:
 * the member's own caret moves with every keystroke, and redrawing the others' carets for that (a second transaction
 * per keystroke) changed nothing on screen. And the member's own caret is published just after the keystroke that
 * moved it has been painted, the latest position only, rather than on the keystroke's path.
 */
import type { Awareness } from 'y-protocols/awareness'
import { afterNextPaint } from '../collab/afterPaint.ts'

/** The field the caret plugin publishes the caret in (y-tiptap's cursorStateField). */
const caretField = 'cursor'

type Listener = (...args: never[]) => void
export interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

export function caretAwareness(awareness: Awareness, hiddenTabWaitMs = 50): Awareness {
  const othersOnly = new Map<Listener, Listener>()
  const onlyOthers = (listener: Listener): Listener => {
    let filtered = othersOnly.get(listener)
    if (!filtered) {
      filtered = ((changes: AwarenessChanges, origin: unknown) => {
        const changed = [...changes.added, ...changes.updated, ...changes.removed]
        if (changed.some((clientId) => clientId !== awareness.clientID)) (listener as (changes: AwarenessChanges, origin: unknown) => void)(changes, origin)
      }) as Listener
      othersOnly.set(listener, filtered)
    }
    return filtered
  }

  let pendingCaret: { value: unknown } | null = null
  let cancel: (() => void) | null = null
  const publishCaret = () => {
    cancel = null
    if (!pendingCaret) return
    const { value } = pendingCaret
    pendingCaret = null
    awareness.setLocalStateField(caretField, value)
  }
  const setLocalStateField = (field: string, value: unknown) => {
    if (field !== caretField || value === null) {
      // Taking the caret away (focus left, editor closed) is said at once, and cancels a move not yet published.
      if (field === caretField) {
        cancel?.()
        cancel = null
        pendingCaret = null
      }
      awareness.setLocalStateField(field, value)
      return
    }
    pendingCaret = { value }
    cancel ??= afterNextPaint(publishCaret, hiddenTabWaitMs)
  }

  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'on') return (name: string, listener: Listener) => target.on(name as 'change', name === 'change' ? onlyOthers(listener) : listener)
      if (property === 'off') return (name: string, listener: Listener) => target.off(name as 'change', name === 'change' ? (othersOnly.get(listener) ?? listener) : listener)
      if (property === 'setLocalStateField') return setLocalStateField
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
