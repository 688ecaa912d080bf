/**
 * Replacing matches as ordinary local transactions. Matches in agreed blocks are left alone and counted (the agreed
 * text lock would refuse the whole transaction); whatever another filter refuses is reported as refused.
 */
import type { EditorView } from '@tiptap/pm/view'
import { agreedRanges } from '../../blocks/blockStatusPlugin.ts'
import { findKey, type FindMeta } from './findPlugin.ts'
import { overlapsAny, type TextRange } from './searchMatches.ts'

export interface ReplaceOutcome {
  replaced: number
  /** Matches left alone because they are in agreed text. */
  skippedAgreed: number
  /** The editor refused the change (it would have broken a rule of the draft). */
  refused: boolean
}

export function replaceMatches(view: EditorView, which: 'current' | 'all', replacement: string): ReplaceOutcome {
  const find = findKey.getState(view.state)
  if (!find || find.matches.length === 0) return { replaced: 0, skippedAgreed: 0, refused: false }
  const chosen: TextRange[] = which === 'all' ? find.matches : find.current >= 0 ? [find.matches[find.current]] : []
  const agreed = agreedRanges(view.state)
  const open = chosen.filter((match) => !overlapsAny(match, agreed))
  const skippedAgreed = chosen.length - open.length
  if (open.length === 0) return { replaced: 0, skippedAgreed, refused: false }
  const tr = view.state.tr
  // From the last to the first: earlier positions stay valid.
  for (const match of [...open].reverse()) {
    if (replacement === '') tr.delete(match.from, match.to)
    else tr.insertText(replacement, match.from, match.to)
  }
  const last = open[open.length - 1]
  tr.setMeta(findKey, { near: tr.mapping.map(last.to) } satisfies FindMeta)
  const before = view.state.doc
  view.dispatch(tr)
  const refused = view.state.doc === before
  return { replaced: refused ? 0 : open.length, skippedAgreed, refused }
}
