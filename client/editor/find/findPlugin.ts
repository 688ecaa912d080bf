/**
 * Find and replace in the document: the matches drawn as decorations, the current one marked. The search runs only
 * while the find bar is open with something to find, and again when the document changes; closed, the plugin costs
 * a keystroke nothing. Replacements are ordinary transactions, so every filter (agreed text, recommendations) applies.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { matchAtOrAfter, searchMatches, type TextRange } from './searchMatches.ts'

export interface FindState {
  open: boolean
  query: string
  caseSensitive: boolean
  matches: TextRange[]
  /** The index of the current match in `matches`, -1 when there is none. */
  current: number
  decorations: DecorationSet
  /** Counts each request to open the bar, so that asking again while it is open moves the focus back to it. */
  openings: number
}

export type FindMeta =
  | { open: boolean }
  | { query: string; caseSensitive: boolean }
  | { current: number }
  /** On a replacement: the search goes on from here. */
  | { near: number }

export const findKey = new PluginKey<FindState>('find')

const closed: FindState = { open: false, query: '', caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty, openings: 0 }

function decorate(state: EditorState['doc'], matches: readonly TextRange[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty
  return DecorationSet.create(
    state,
    matches.map((match, index) => Decoration.inline(match.from, match.to, { class: index === current ? 'search-match search-match-current' : 'search-match' })),
  )
}

function searched(doc: EditorState['doc'], previous: FindState, query: string, caseSensitive: boolean, near: number): FindState {
  const matches = previous.open ? searchMatches(doc, query, { caseSensitive }) : []
  const current = matchAtOrAfter(matches, near)
  return { ...previous, query, caseSensitive, matches, current, decorations: decorate(doc, matches, current) }
}

function apply(tr: Transaction, previous: FindState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined
  if (meta && 'open' in meta) {
    if (!meta.open) return { ...closed, query: previous.query, caseSensitive: previous.caseSensitive, openings: previous.openings }
    return searched(tr.doc, { ...previous, open: true, openings: previous.openings + 1 }, previous.query, previous.caseSensitive, tr.selection.from)
  }
  if (!previous.open) return previous
  if (meta && 'query' in meta) return searched(tr.doc, previous, meta.query, meta.caseSensitive, tr.selection.from)
  if (meta && 'current' in meta) {
    const current = previous.matches.length === 0 ? -1 : ((meta.current % previous.matches.length) + previous.matches.length) % previous.matches.length
    return { ...previous, current, decorations: decorate(tr.doc, previous.matches, current) }
  }
  if (!tr.docChanged || previous.query === '') return previous
  const near = meta && 'near' in meta ? meta.near : previous.current >= 0 ? tr.mapping.map(previous.matches[previous.current].from) : tr.selection.from
  return searched(tr.doc, previous, previous.query, previous.caseSensitive, near)
}

export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: { init: () => closed, apply },
    props: { decorations: (state) => findKey.getState(state)?.decorations },
  })
}
