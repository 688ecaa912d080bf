/**
 * Keeps the margin's thread cards beside their passages. Positions are read and written on an animation frame, only
 * when something can have moved them: the text's height changed (a line more or less, a block hidden), a card's
 * height changed, a change arrived through Yjs, the paragraphs were numbered again (after typing pauses), the threads
 * or the chosen one changed, the window was resized. A
 * keystroke that leaves the text's height as it was costs nothing here. Cards are moved with transforms, so moving
 * them never lays the text out again.
 */
import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react'
import { draftNumberingKey } from '../editor/draftNumbering.ts'
import { locationAt } from '../proposals/proposalLocation.ts'
import { placeInMargin, marginHeight, type MarginItem } from './marginLayout.ts'
import { placementsOf } from './useCommentHighlights.ts'

/** Space between two cards (px). */
const cardGap = 8

/** Places the cards (`[data-margin-thread]` children of `margin`) beside their passages, labelled with their paragraph. */
function layOut(editor: Editor, margin: HTMLElement, activeId: string | null): void {
  if (editor.isDestroyed) return
  const cards = margin.querySelectorAll<HTMLElement>('[data-margin-thread]')
  if (cards.length === 0) {
    margin.style.minHeight = ''
    return
  }
  const placements = placementsOf(editor)
  const origin = margin.getBoundingClientRect().top
  const items: MarginItem[] = []
  const byId = new Map<string, HTMLElement>()
  for (const card of cards) {
    const id = card.dataset.marginThread!
    const placement = placements.get(id)
    if (placement?.kind !== 'attached') continue
    let top: number
    try {
      top = editor.view.coordsAtPos(placement.from, 1).top - origin
    } catch {
      continue
    }
    byId.set(id, card)
    items.push({ id, anchorTop: top, height: card.offsetHeight })
    const location = card.querySelector<HTMLElement>('[data-margin-location]')
    if (location) {
      const label = locationAt(editor.state, placement.from) ?? ''
      if (location.textContent !== label) location.textContent = label
    }
  }
  const tops = placeInMargin(items, { gap: cardGap, activeId })
  for (const [id, top] of tops) {
    const card = byId.get(id)!
    const transform = `translateY(${Math.round(top)}px)`
    if (card.style.transform !== transform) card.style.transform = transform
    card.dataset.placed = 'true'
  }
  margin.style.minHeight = `${Math.ceil(marginHeight(items, tops))}px`
}

/**
 * Whether a transaction can have moved a passage without changing the text's height, or renumbered the paragraphs: a
 * change that arrived through Yjs (another participant's, or the stored text loaded), or the numbers derived again.
 */
function movesThreads(tr: Transaction): boolean {
  return (tr.docChanged && Boolean(tr.getMeta(ySyncPluginKey)?.isChangeOrigin)) || tr.getMeta(draftNumberingKey) !== undefined
}

export function useMarginPositions(editor: Editor, margin: RefObject<HTMLElement | null>, threadsKey: string, activeId: string | null): void {
  const frame = useRef(0)
  const active = useRef(activeId)
  active.current = activeId
  const schedule = useRef(() => {})
  schedule.current = () => {
    if (frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      if (margin.current) layOut(editor, margin.current, active.current)
    })
  }

  useEffect(() => {
    const host = margin.current
    if (!host || editor.isDestroyed) return
    const run = () => schedule.current()
    const resized = new ResizeObserver(run)
    resized.observe(editor.view.dom)
    resized.observe(host)
    const cards = new ResizeObserver(run)
    const watchCards = () => host.querySelectorAll('[data-margin-thread]').forEach((card) => cards.observe(card))
    watchCards()
    const added = new MutationObserver(() => {
      watchCards()
      run()
    })
    added.observe(host, { childList: true })
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (movesThreads(transaction)) run()
    }
    editor.on('transaction', onTransaction)
    window.addEventListener('resize', run)
    return () => {
      resized.disconnect()
      cards.disconnect()
      added.disconnect()
      editor.off('transaction', onTransaction)
      window.removeEventListener('resize', run)
      cancelAnimationFrame(frame.current)
      frame.current = 0
    }
  }, [editor, margin])

  // The threads shown, their places or the chosen one changed.
  useLayoutEffect(() => schedule.current(), [threadsKey, activeId])
}
