/** Word-level diff and word similarity of two texts, the redline's measure of an edit. */
import { diffWords } from 'diff'
import type { TextSegment } from './comparison.ts'

/** The whole text as one segment of the given op; nothing for an empty text. */
export function wholeSegments(op: TextSegment['op'], text: string): TextSegment[] {
  return text === '' ? [] : [{ op, text }]
}

/**
 * Word edits past which a block counts as rewritten: shown as deleted then inserted whole. The diff's cost grows
 * with the block's length times its edits, so without a bound one huge, reshuffled paragraph could hold the
 * server for seconds.
 */
export const maxWordEdits = 400

/** Runs of equal, deleted and inserted words; whitespace between words follows the later text. */
export function wordSegments(before: string, after: string): TextSegment[] {
  if (before === after) return wholeSegments('equal', after)
  const changes = diffWords(before, after, { maxEditLength: maxWordEdits })
  if (!changes) return [...wholeSegments('delete', before), ...wholeSegments('insert', after)]
  return changes.map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }))
}

const wordPattern = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu

/** How often each word and punctuation mark occurs in a text: what wordSimilarity compares. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [word] of text.matchAll(wordPattern)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/**
 * Share of words the two texts have in common, from 0 to 1: twice the shared words over the words of both
 * (each word and punctuation mark counted as often as it occurs, regardless of order). Two empty texts are alike.
 */
export function wordSimilarity(before: string, after: string): number {
  return countsSimilarity(wordCounts(before), wordCounts(after))
}

/** wordSimilarity of two texts' word counts, for comparing one text with many without counting it again. */
export function countsSimilarity(beforeCounts: ReadonlyMap<string, number>, afterCounts: ReadonlyMap<string, number>): number {
  let total = 0
  let shared = 0
  for (const count of beforeCounts.values()) total += count
  for (const [word, count] of afterCounts) {
    total += count
    shared += Math.min(count, beforeCounts.get(word) ?? 0)
  }
  return total === 0 ? 1 : (2 * shared) / total
}
