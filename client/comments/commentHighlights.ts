/**
 * Where each comment thread sits in the editor's text, and its highlight there. Anchors are resolved from their Yjs
 * relative positions when the threads change and when a change arrives through Yjs (y-tiptap replaces the whole
 * document then); a local keystroke only maps the positions along.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, StepMap } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type { Anchor, Thread } from '../api/comments.ts'
import { bindingOf, detached, pending, placeAnchor, type Placement } from './anchors.ts'
import { isWithdrawn, layoutKey } from './threadLayout.ts'

/** The placement key of the passage a member is writing a new comment on. */
export const draftThreadId = ''

export interface CommentAnchorsState {
  threads: readonly Thread[]
  /** The anchor of the comment being written, highlighted until it is posted or cancelled. */
  draft: Anchor | null
  placements: ReadonlyMap<string, Placement>
  activeId: string | null
  decorations: DecorationSet
  /** Changes when the panel's grouping or order of threads may have changed. */
  layoutVersion: number
  layoutKey: string
}

export type CommentAnchorsMeta = { threads: readonly Thread[] } | { draft: Anchor | null } | { activeId: string | null }

export const commentAnchorsKey = new PluginKey<CommentAnchorsState>('commentAnchors')

function placeAll(state: EditorState, doc: ProseMirrorNode, threads: readonly Thread[], draft: Anchor | null): Map<string, Placement> {
  const binding = bindingOf(state)
  const placements = new Map<string, Placement>()
  const place = (anchor: Anchor) => (binding ? placeAnchor(binding, doc, anchor) : pending)
  for (const thread of threads) placements.set(thread.id, place(thread.anchor))
  if (draft) placements.set(draftThreadId, place(draft))
  return placements
}

/** Maps each range through a local change: text typed at a passage's start joins it, as the Yjs anchor makes it. */
export function mapPlacements(placements: ReadonlyMap<string, Placement>, tr: Transaction, quoteOf: (id: string) => string): Map<string, Placement> {
  const mapped = new Map<string, Placement>()
  for (const [id, placement] of placements) {
    if (placement.kind !== 'attached') {
      mapped.set(id, placement)
      continue
    }
    const from = tr.mapping.map(placement.from, -1)
    const to = tr.mapping.map(placement.to, -1)
    mapped.set(id, from < to || (from === to && quoteOf(id).trim() === '') ? { kind: 'attached', from, to } : detached)
  }
  return mapped
}

/** The threads' places after a transaction, and how to carry the previous highlights over when nothing was re-read. */
export interface Moved {
  placements: ReadonlyMap<string, Placement>
  /** Maps the previous highlights onto the new document; null when they must be drawn again. */
  mapping: Mapping | null
}

/** Nothing moved. */
export const unchanged = new Mapping()

/**
 * Places the threads again after a change arrived through Yjs. y-tiptap then replaces the whole document, so nothing
 * can be mapped through the transaction; instead the old and new documents are compared: ranges wholly before the
 * changed stretch stay, ranges wholly after it shift, and only those touching it (and threads not placed yet, or
 * detached, which an undo may bring back) are resolved from their anchors.
 */
export function placeAfterYjsChange(state: EditorState, tr: Transaction, previous: ReadonlyMap<string, Placement>, anchorOf: (id: string) => Anchor | undefined): Moved {
  const start = tr.before.content.findDiffStart(tr.doc.content)
  if (start === null) return { placements: previous, mapping: unchanged }
  const end = tr.before.content.findDiffEnd(tr.doc.content) ?? { a: tr.before.content.size, b: tr.doc.content.size }
  let { a: endBefore, b: endAfter } = end
  const overlap = start - Math.min(endBefore, endAfter)
  if (overlap > 0) {
    endBefore += overlap
    endAfter += overlap
  }
  const shift = endAfter - endBefore
  const binding = bindingOf(state)
  const placements = new Map<string, Placement>()
  let reread = false
  for (const [id, placement] of previous) {
    if (placement.kind === 'attached' && placement.to < start) placements.set(id, placement)
    else if (placement.kind === 'attached' && placement.from > endBefore) placements.set(id, { kind: 'attached', from: placement.from + shift, to: placement.to + shift })
    else {
      const anchor = anchorOf(id)
      placements.set(id, anchor && binding ? placeAnchor(binding, tr.doc, anchor) : pending)
      reread = true
    }
  }
  return { placements, mapping: reread ? null : new Mapping([new StepMap([start, endBefore - start, endAfter - start])]) }
}

function decorationsFor(doc: ProseMirrorNode, state: Pick<CommentAnchorsState, 'threads' | 'placements' | 'activeId' | 'draft'>): DecorationSet {
  const decorations: Decoration[] = []
  const highlight = (id: string, classes: string) => {
    const placement = state.placements.get(id)
    if (placement?.kind !== 'attached' || placement.from === placement.to) return
    decorations.push(
      Decoration.inline(placement.from, placement.to, { class: classes, 'data-thread-id': id }, { threadId: id, inclusiveStart: true, inclusiveEnd: false }),
    )
  }
  for (const thread of state.threads) {
    if (thread.resolved || isWithdrawn(thread)) continue
    highlight(
      thread.id,
      ['comment-highlight', thread.stakeholder ? 'is-stakeholder' : '', thread.id === state.activeId ? 'is-active' : ''].filter(Boolean).join(' '),
    )
  }
  if (state.draft) highlight(draftThreadId, 'comment-highlight is-draft')
  return DecorationSet.create(doc, decorations)
}

function initial(): CommentAnchorsState {
  return { threads: [], draft: null, placements: new Map(), activeId: null, decorations: DecorationSet.empty, layoutVersion: 0, layoutKey: '' }
}

function apply(tr: Transaction, previous: CommentAnchorsState, state: EditorState): CommentAnchorsState {
  const meta = tr.getMeta(commentAnchorsKey) as CommentAnchorsMeta | undefined
  const threads = meta && 'threads' in meta ? meta.threads : previous.threads
  const draft = meta && 'draft' in meta ? meta.draft : previous.draft
  const activeId = meta && 'activeId' in meta ? meta.activeId : previous.activeId
  const throughYjs = tr.docChanged && (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
  const anchorOf = (id: string) => (id === draftThreadId ? (draft ?? undefined) : threads.find((thread) => thread.id === id)?.anchor)

  let moved: Moved
  if (threads !== previous.threads || draft !== previous.draft) moved = { placements: placeAll(state, tr.doc, threads, draft), mapping: null }
  else if (!tr.docChanged) moved = { placements: previous.placements, mapping: unchanged }
  else if (previous.placements.size === 0) moved = { placements: previous.placements, mapping: tr.mapping }
  else if (throughYjs) moved = placeAfterYjsChange(state, tr, previous.placements, anchorOf)
  else moved = { placements: mapPlacements(previous.placements, tr, (id) => anchorOf(id)?.quote ?? ''), mapping: tr.mapping }
  const { placements } = moved
  if (placements === previous.placements && activeId === previous.activeId && moved.mapping === unchanged) return previous

  const next = { ...previous, threads, draft, activeId, placements }
  // Mapped or shifted ranges keep their order; only one collapsing (its text deleted) can change the panel then.
  const kindChanged =
    moved.mapping !== null && placements !== previous.placements && [...placements].some(([id, placement]) => previous.placements.get(id)?.kind !== placement.kind)
  const key = moved.mapping === null || kindChanged ? layoutKey(threads, placements) : previous.layoutKey
  if (key !== previous.layoutKey) Object.assign(next, { layoutKey: key, layoutVersion: previous.layoutVersion + 1 })
  // A keystroke maps the highlights along; they are drawn again when anchors were re-read or the active thread changed.
  next.decorations = moved.mapping === null || kindChanged || activeId !== previous.activeId ? decorationsFor(tr.doc, next) : previous.decorations.map(moved.mapping, tr.doc)
  return next
}

export interface CommentHighlightsOptions {
  /** A highlight was clicked: the member wants that thread. */
  onActivate: (threadId: string) => void
}

export function commentHighlights({ onActivate }: CommentHighlightsOptions): Plugin<CommentAnchorsState> {
  return new Plugin<CommentAnchorsState>({
    key: commentAnchorsKey,
    state: {
      init: initial,
      apply: (tr, previous, _oldState, newState) => apply(tr, previous, newState),
    },
    props: {
      decorations: (state) => commentAnchorsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click: (view, event) => {
          const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null
          const threadId = target?.getAttribute('data-thread-id')
          // A drag that selects text over a highlight is a selection, not a request for the thread.
          const selection = view.dom.ownerDocument.getSelection()
          if (!threadId || !view.dom.contains(target) || (selection && !selection.isCollapsed)) return false
          onActivate(threadId)
          return false
        },
      },
    },
  })
}

export function setCommentAnchors(tr: Transaction, meta: CommentAnchorsMeta): Transaction {
  return tr.setMeta(commentAnchorsKey, meta).setMeta('addToHistory', false)
}
