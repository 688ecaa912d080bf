/**
 * Open proposals drawn in the editor's text as tracked changes: the passage a proposal would delete struck through,
 * the text it would insert underlined beside it, a new paragraph or recommendation as a ghost block after its block,
 * new links above a recommendation; each with a chip naming the proposer and the counts of supporters and objectors.
 * Anchors are placed like comment highlights: resolved when the proposals change or a change arrives through Yjs,
 * mapped along on a local keystroke (so the keystroke builds no decoration).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { Mapping } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { bindingOf, detached, pending, placeAnchor, type Placement } from '../comments/anchors.ts'
import { mapPlacements, placeAfterYjsChange, unchanged, type Moved } from '../comments/commentHighlights.ts'
import { asInterfaceText } from '../editor/interfaceLang.ts'
import { t } from '../i18n/i18n.ts'
import { chipLabel, stanceSummary, suggestionKey, type Suggestion } from './suggestion.ts'

export interface SuggestionsState {
  suggestions: readonly Suggestion[]
  placements: ReadonlyMap<string, Placement>
  activeId: string | null
  decorations: DecorationSet
  /** Changes when a suggestion is placed anew (the panel's order or numbers may have changed). */
  layoutVersion: number
}

export type SuggestionsMeta = { suggestions: readonly Suggestion[] } | { activeId: string | null }

export const proposalSuggestionsKey = new PluginKey<SuggestionsState>('proposalSuggestions')

type Activate = (proposalId: string) => void

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** Data shown as it is (a delegation, proposed text, framework labels): not for translation, its direction its own. */
function verbatim<T extends HTMLElement>(node: T): T {
  node.translate = false
  node.dir = 'auto'
  return node
}

/**
 * The chip: "Kenya ✓2 ✗1", focusable, and beside it (not in it, so that what the chip shows stays within its spoken
 * name) its tooltip, the stance summary, shown on hover and focus.
 */
function chipDom(suggestion: Suggestion, active: boolean, activate: Activate): HTMLElement {
  const wrap = element('span', 'proposal-chip-wrap')
  wrap.contentEditable = 'false'
  const chip = element('span', `proposal-chip${active ? ' is-active' : ''}`)
  const tipId = `proposal-tip-${suggestion.id}`
  chip.contentEditable = 'false'
  chip.tabIndex = 0
  chip.setAttribute('role', 'button')
  chip.setAttribute('aria-label', chipLabel(suggestion))
  chip.setAttribute('aria-describedby', tipId)
  chip.dataset.proposalId = suggestion.id
  chip.dataset.testid = 'proposal-chip'
  chip.append(verbatim(element('span', 'proposal-chip-who', suggestion.proposer)))
  const support = element('span', 'proposal-chip-count is-support', `✓${suggestion.supporters.length}`)
  const object = element('span', 'proposal-chip-count is-object', `✗${suggestion.objections.length}`)
  support.setAttribute('aria-hidden', 'true')
  object.setAttribute('aria-hidden', 'true')
  const tip = asInterfaceText(element('span', 'proposal-tip', stanceSummary(suggestion)))
  tip.id = tipId
  tip.setAttribute('role', 'tooltip')
  chip.append(support, object)
  wrap.append(chip, tip)
  chip.addEventListener('mousedown', (event) => event.preventDefault())
  chip.addEventListener('click', () => activate(suggestion.id))
  chip.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    activate(suggestion.id)
  })
  return wrap
}

function insertionDom(suggestion: Suggestion): HTMLElement {
  const insertion = verbatim(element('ins', 'proposal-insertion', suggestion.text))
  insertion.dataset.proposalId = suggestion.id
  insertion.contentEditable = 'false'
  return insertion
}

/** A proposed paragraph or recommendation, drawn after the block it would follow; not part of the text. */
function ghostBlockDom(suggestion: Suggestion, active: boolean, activate: Activate): HTMLElement {
  const ghost = element('div', `proposal-ghost proposal-ghost-${suggestion.kind}${active ? ' is-active' : ''}`)
  ghost.contentEditable = 'false'
  ghost.dataset.proposalId = suggestion.id
  const heading = element('div', 'proposal-ghost-heading')
  heading.append(asInterfaceText(element('span', 'proposal-ghost-kind', suggestion.kind === 'recommendation' ? t('proposals.ghostRecommendation') : t('proposals.ghostParagraph'))))
  if (suggestion.addedRefs.length > 0) heading.append(verbatim(element('span', 'proposal-ghost-refs', suggestion.addedRefs.join(' · '))))
  heading.append(chipDom(suggestion, active, activate))
  const text = element('p', 'proposal-ghost-text')
  text.append(verbatim(element('ins', 'proposal-insertion', suggestion.text)))
  ghost.append(heading, text)
  return ghost
}

/** "Links: + Norm g · − CBM 7", drawn at the top of the recommendation whose links a proposal would change. */
function relinkDom(suggestion: Suggestion, active: boolean, activate: Activate): HTMLElement {
  const line = element('div', `proposal-relink${active ? ' is-active' : ''}`)
  line.contentEditable = 'false'
  line.dataset.proposalId = suggestion.id
  line.append(asInterfaceText(element('span', 'proposal-ghost-kind', t('proposals.ghostLinks'))))
  for (const label of suggestion.addedRefs) line.append(verbatim(element('ins', 'proposal-ref-added', `+ ${label}`)))
  for (const label of suggestion.removedRefs) line.append(verbatim(element('del', 'proposal-ref-removed', `− ${label}`)))
  line.append(chipDom(suggestion, active, activate))
  return line
}

/** Where a block-level suggestion goes: after the top-level block its anchor is in, or inside the recommendation's top. */
function blockEnd(doc: ProseMirrorNode, pos: number): number {
  const resolved = doc.resolve(pos)
  return resolved.depth >= 1 ? resolved.after(1) : pos
}

/** The start of a recommendation's content (where a change of its links is drawn): found by its id among the top-level blocks. */
function recommendationPlacement(doc: ProseMirrorNode, recommendationId: string | null): Placement {
  let found: Placement = detached
  doc.forEach((node, offset) => {
    if (found.kind === 'detached' && node.type.name === recommendationNodeName && node.attrs.id === recommendationId) found = { kind: 'attached', from: offset + 1, to: offset + 1 }
  })
  return found
}

function placeOne(state: EditorState, doc: ProseMirrorNode, suggestion: Suggestion): Placement {
  if (suggestion.kind === 'relink' || !suggestion.anchor) return recommendationPlacement(doc, suggestion.recommendationId)
  const binding = bindingOf(state)
  return binding ? placeAnchor(binding, doc, suggestion.anchor) : pending
}

function decorationsFor(doc: ProseMirrorNode, state: Pick<SuggestionsState, 'suggestions' | 'placements' | 'activeId'>, activate: Activate): DecorationSet {
  const decorations: Decoration[] = []
  for (const suggestion of state.suggestions) {
    if (!suggestion.open) continue
    const placement = state.placements.get(suggestion.id)
    if (placement?.kind !== 'attached') continue
    const { from, to } = placement
    const active = suggestion.id === state.activeId
    const key = `${suggestionKey(suggestion)}${active ? ':active' : ''}`
    const widget = (pos: number, toDom: () => HTMLElement, side: number, part: string) =>
      decorations.push(Decoration.widget(pos, toDom, { side, key: `${part}:${key}`, proposalId: suggestion.id, stopEvent: () => true, ignoreSelection: true }))
    switch (suggestion.kind) {
      case 'replace':
      case 'delete':
      case 'insert': {
        if (suggestion.kind !== 'insert' && from < to) {
          decorations.push(
            Decoration.inline(from, to, { class: `proposal-deletion${active ? ' is-active' : ''}`, 'data-proposal-id': suggestion.id }, { proposalId: suggestion.id }),
          )
        }
        if (suggestion.kind !== 'delete') widget(to, () => insertionDom(suggestion), 1, 'ins')
        widget(to, () => chipDom(suggestion, active, activate), 2, 'chip')
        break
      }
      case 'paragraph':
      case 'recommendation':
        widget(blockEnd(doc, to), () => ghostBlockDom(suggestion, active, activate), 1, 'ghost')
        break
      case 'relink':
        widget(from, () => relinkDom(suggestion, active, activate), -1, 'relink')
        break
    }
  }
  return DecorationSet.create(doc, decorations)
}

function placeAll(state: EditorState, doc: ProseMirrorNode, suggestions: readonly Suggestion[]): Map<string, Placement> {
  const placements = new Map<string, Placement>()
  for (const suggestion of suggestions) placements.set(suggestion.id, placeOne(state, doc, suggestion))
  return placements
}

/** Changes of links have no anchor: after a change through Yjs their recommendation is looked up again by id. */
function withRelinksPlaced(moved: Moved, suggestions: readonly Suggestion[], state: EditorState, doc: ProseMirrorNode): Moved {
  const relinks = suggestions.filter((suggestion) => suggestion.kind === 'relink')
  if (relinks.length === 0) return moved
  const placements = new Map(moved.placements)
  let changed = false
  for (const suggestion of relinks) {
    const placement = placeOne(state, doc, suggestion)
    const before = placements.get(suggestion.id)
    if (before?.kind === placement.kind && (placement.kind !== 'attached' || (before.kind === 'attached' && before.from === placement.from))) continue
    placements.set(suggestion.id, placement)
    changed = true
  }
  return changed ? { placements, mapping: null } : moved
}

function apply(tr: Transaction, previous: SuggestionsState, state: EditorState, activate: Activate): SuggestionsState {
  const meta = tr.getMeta(proposalSuggestionsKey) as SuggestionsMeta | undefined
  const suggestions = meta && 'suggestions' in meta ? meta.suggestions : previous.suggestions
  const activeId = meta && 'activeId' in meta ? meta.activeId : previous.activeId
  const throughYjs = tr.docChanged && (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
  const anchorOf = (id: string) => suggestions.find((suggestion) => suggestion.id === id)?.anchor ?? undefined

  let moved: Moved
  if (suggestions !== previous.suggestions) moved = { placements: placeAll(state, tr.doc, suggestions), mapping: null }
  else if (!tr.docChanged) moved = { placements: previous.placements, mapping: unchanged }
  else if (previous.placements.size === 0) moved = { placements: previous.placements, mapping: tr.mapping }
  else if (throughYjs) moved = withRelinksPlaced(placeAfterYjsChange(state, tr, previous.placements, anchorOf), suggestions, state, tr.doc)
  else moved = { placements: mapPlacements(previous.placements, tr, (id) => anchorOf(id)?.quote ?? ''), mapping: tr.mapping }
  const { placements } = moved
  if (placements === previous.placements && activeId === previous.activeId && moved.mapping === unchanged) return previous

  const kindChanged =
    moved.mapping !== null && placements !== previous.placements && [...placements].some(([id, placement]) => previous.placements.get(id)?.kind !== placement.kind)
  const redraw = moved.mapping === null || kindChanged || activeId !== previous.activeId
  const next: SuggestionsState = {
    suggestions,
    activeId,
    placements,
    layoutVersion: moved.mapping === null || kindChanged ? previous.layoutVersion + 1 : previous.layoutVersion,
    decorations: previous.decorations,
  }
  next.decorations = redraw ? decorationsFor(tr.doc, next, activate) : previous.decorations.map(moved.mapping as Mapping, tr.doc)
  return next
}

export function proposalSuggestions({ onActivate }: { onActivate: Activate }): Plugin<SuggestionsState> {
  return new Plugin<SuggestionsState>({
    key: proposalSuggestionsKey,
    state: {
      init: () => ({ suggestions: [], placements: new Map(), activeId: null, decorations: DecorationSet.empty, layoutVersion: 0 }),
      apply: (tr, previous, _oldState, newState) => apply(tr, previous, newState, onActivate),
    },
    props: {
      decorations: (state) => proposalSuggestionsKey.getState(state)?.decorations,
    },
  })
}

export function setSuggestions(tr: Transaction, meta: SuggestionsMeta): Transaction {
  return tr.setMeta(proposalSuggestionsKey, meta).setMeta('addToHistory', false)
}
