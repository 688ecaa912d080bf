/** Where a search string occurs in a document: ranges inside textblocks (a match never spans two paragraphs). */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

export interface TextRange {
  from: number
  to: number
}

export interface SearchOptions {
  caseSensitive?: boolean
}

/** Longest search string looked for: a longer one finds nothing rather than costing time. */
export const maxQueryLength = 500

/**
 * Every non-overlapping occurrence of `query`, in document order. Matching ignores case unless asked, by lower-casing
 * character by character (so that offsets stay those of the text).
 */
export function searchMatches(doc: ProseMirrorNode, query: string, options: SearchOptions = {}): TextRange[] {
  if (query === '' || query.length > maxQueryLength) return []
  const needle = options.caseSensitive ? query : foldCase(query)
  const found: TextRange[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    // An inline node that is not text counts as one character, so offsets in the string are offsets in the block.
    const raw = node.textBetween(0, node.content.size, undefined, '\ufffc')
    const text = options.caseSensitive ? raw : foldCase(raw)
    let at = text.indexOf(needle)
    while (at >= 0) {
      found.push({ from: pos + 1 + at, to: pos + 1 + at + needle.length })
      at = text.indexOf(needle, at + needle.length)
    }
    return false
  })
  return found
}

/** Lower case, one UTF-16 unit for one: a character whose lower case is longer (İ) is kept as it is. */
function foldCase(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let folded = ''
  for (const character of text) {
    const low = character.toLowerCase()
    folded += low.length === character.length ? low : character
  }
  return folded
}

/** The index of the first match at or after `pos`, wrapping to the first; -1 when there is none. */
export function matchAtOrAfter(matches: readonly TextRange[], pos: number): number {
  if (matches.length === 0) return -1
  const index = matches.findIndex((match) => match.from >= pos)
  return index < 0 ? 0 : index
}

/** Whether a match lies (even partly) in one of the ranges. */
export function overlapsAny(match: TextRange, ranges: readonly TextRange[]): boolean {
  return ranges.some((range) => match.from < range.to && match.to > range.from)
}
