/**
 * A Y.Doc's updates handed to a consumer (the socket, the browser's copy) after the keystroke that made them has been
 * painted, merged into one, rather than inside the keystroke: typing shows first, then is sent and stored, within a
 * frame. Updates whose origin the consumer made itself are not handed back to it, as the consumer's own listener did.
 */
import * as Y from 'yjs'
import { afterNextPaint } from './afterPaint.ts'

export interface DeferredUpdates {
  /** Hands over what is waiting now (before the session closes or the page goes away). */
  flush(): void
  /** Forgets what is waiting and stops listening. */
  destroy(): void
}

export interface DeferredUpdatesOptions {
  /** Updates with this origin are the consumer's own: not handed to it. */
  ownOrigin: unknown
  consume: (update: Uint8Array) => void
  /** Longest wait when no frame is painted (a hidden tab). */
  fallbackMs: number
  /**
   * Whether the consumer is away now: an update made meanwhile is not handed to it, even should it be back by the time
   * the frame is painted, since it catches up on its own (the socket: the sync exchange that starts every connection
   * carries whatever the server lacks).
   */
  isAway?: () => boolean
}

export function deferUpdates(doc: Y.Doc, { ownOrigin, consume, fallbackMs, isAway }: DeferredUpdatesOptions): DeferredUpdates {
  let pending: Uint8Array[] = []
  let cancel: (() => void) | null = null
  const flush = () => {
    cancel?.()
    cancel = null
    if (pending.length === 0) return
    const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending)
    pending = []
    consume(update)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === ownOrigin || isAway?.()) return
    pending.push(update)
    cancel ??= afterNextPaint(flush, fallbackMs)
  }
  doc.on('update', onUpdate)
  return {
    flush,
    destroy() {
      doc.off('update', onUpdate)
      cancel?.()
      cancel = null
      pending = []
    },
  }
}
