/** compareDrafts: the redline of two versions of a draft and the table of their recommendation changes. */
import { diffArrays } from 'diff'
import type { DraftBlock, DraftModel, ModelRef, RecommendationBlock } from '../model/draftModel.ts'
import type { Comparison, ComparisonSummary, RecommendationChange, RedlineBlock } from './comparison.ts'
import { recommendationChanges } from './recommendationChanges.ts'
import { withMarks } from './segmentMarks.ts'
import { countsSimilarity, wholeSegments, wordCounts, wordSegments, wordSimilarity } from './wordDiff.ts'

/** A removed and an added plain block of the same kind at least this alike are one edited block. */
const pairingSimilarity = 0.5
/** How many removed or added blocks may stand between an edited block's two versions within one run of changes. */
const pairingLookahead = 3
/** A plain block removed in one place and one added elsewhere at least this alike are the same block, moved. */
const movedSimilarity = 0.8
/** Removed x added plain blocks past which moved blocks are found by equal text only, not by likeness. */
const movedLikenessPairs = 10_000

interface Entry {
  block: DraftBlock
  /** A recommendation's id and its occurrence (0 unless the id is duplicated); null for a plain block. */
  key: string | null
  /** Blocks with equal tokens are one unchanged block (a recommendation with an id: the same key). */
  token: string
}

function refIds(refs: ModelRef[]): string[] {
  return refs.map((ref) => ref.id)
}

/** The content a plain block is compared by; paragraph numbers are derived, so not part of it. */
function contentToken(block: DraftBlock): string {
  switch (block.kind) {
    case 'heading':
      return `heading\u0000${block.level}\u0000${block.text}`
    case 'paragraph':
      return `paragraph\u0000${block.text}`
    case 'recommendation':
      return `recommendation\u0000${refIds(block.refs).join(' ')}\u0000${block.text}`
  }
}

function entriesOf(model: DraftModel): Entry[] {
  const occurrences = new Map<string, number>()
  return model.blocks.map((block) => {
    if (block.kind !== 'recommendation' || block.id === null) return { block, key: null, token: contentToken(block) }
    const occurrence = occurrences.get(block.id) ?? 0
    occurrences.set(block.id, occurrence + 1)
    const key = `${block.id}\u0000${occurrence}`
    return { block, key, token: `\u0001${key}` }
  })
}

function recommendationsByKey(entries: Entry[]): Map<string, RecommendationBlock> {
  return new Map(
    entries.flatMap(({ key, block }) => (key !== null && block.kind === 'recommendation' ? [[key, block] as const] : [])),
  )
}

function uniqueById(refs: ModelRef[]): ModelRef[] {
  return [...new Map(refs.map((ref) => [ref.id, ref])).values()]
}

function refChanges(before: ModelRef[], after: ModelRef[]): NonNullable<RedlineBlock['refs']> {
  const beforeIds = new Set(refIds(before))
  const afterIds = new Set(refIds(after))
  const later = uniqueById(after)
  return {
    kept: later.filter((ref) => beforeIds.has(ref.id)),
    added: later.filter((ref) => !beforeIds.has(ref.id)),
    removed: uniqueById(before).filter((ref) => !afterIds.has(ref.id)),
  }
}

function addedBlock(block: DraftBlock): RedlineBlock {
  const redline: RedlineBlock = { change: 'added', kind: block.kind, before: null, after: block, segments: withMarks(wholeSegments('insert', block.text), null, block) }
  if (block.kind === 'recommendation') redline.refs = refChanges([], block.refs)
  return redline
}

function removedBlock(block: DraftBlock): RedlineBlock {
  const redline: RedlineBlock = { change: 'removed', kind: block.kind, before: block, after: null, segments: withMarks(wholeSegments('delete', block.text), block, null) }
  if (block.kind === 'recommendation') redline.refs = refChanges(block.refs, [])
  return redline
}

function pairedBlock(before: DraftBlock, after: DraftBlock, moved: boolean): RedlineBlock {
  const redline: RedlineBlock = {
    change: contentToken(before) === contentToken(after) ? 'unchanged' : 'changed',
    kind: after.kind,
    before,
    after,
    segments: withMarks(wordSegments(before.text, after.text), before, after),
  }
  if (before.kind === 'recommendation' && after.kind === 'recommendation') redline.refs = refChanges(before.refs, after.refs)
  if (moved) redline.moved = true
  return redline
}

function pairable(removed: Entry | undefined, added: Entry | undefined): boolean {
  return (
    removed !== undefined &&
    added !== undefined &&
    removed.key === null &&
    added.key === null &&
    removed.block.kind === added.block.kind &&
    wordSimilarity(removed.block.text, added.block.text) >= pairingSimilarity
  )
}

/** The nearest distance, up to the lookahead, at which `matches` holds; 0 when it holds nowhere. */
function nearest(matches: (distance: number) => boolean): number {
  for (let distance = 1; distance <= pairingLookahead; distance += 1) if (matches(distance)) return distance
  return 0
}

/**
 * One run of changes between unchanged blocks: a plain block removed and a like one added become one edited block,
 * a recommendation added here that the earlier version has elsewhere is shown here as moved, and not as removed there.
 */
function redlineOfRun(
  removedEntries: Entry[],
  added: Entry[],
  beforeByKey: ReadonlyMap<string, RecommendationBlock>,
  afterByKey: ReadonlyMap<string, RecommendationBlock>,
): RedlineBlock[] {
  const removed = removedEntries.filter((entry) => entry.key === null || !afterByKey.has(entry.key))
  const redline: RedlineBlock[] = []
  const emitAdded = (entry: Entry): void => {
    const earlier = entry.key === null ? undefined : beforeByKey.get(entry.key)
    redline.push(earlier ? pairedBlock(earlier, entry.block, true) : addedBlock(entry.block))
  }
  let r = 0
  let a = 0
  while (r < removed.length || a < added.length) {
    if (pairable(removed[r], added[a])) {
      redline.push(pairedBlock(removed[r].block, added[a].block, false))
      r += 1
      a += 1
      continue
    }
    const skipRemoved = nearest((distance) => pairable(removed[r + distance], added[a]))
    const skipAdded = nearest((distance) => pairable(removed[r], added[a + distance]))
    if (skipRemoved > 0 && (skipAdded === 0 || skipRemoved <= skipAdded)) {
      for (const entry of removed.slice(r, r + skipRemoved)) redline.push(removedBlock(entry.block))
      r += skipRemoved
    } else if (skipAdded > 0) {
      for (const entry of added.slice(a, a + skipAdded)) emitAdded(entry)
      a += skipAdded
    } else if (r < removed.length) {
      redline.push(removedBlock(removed[r].block))
      r += 1
    } else {
      emitAdded(added[a])
      a += 1
    }
  }
  return redline
}

/** Block insertions and deletions the sequence alignment handles before it gives up (see redlineOf). */
const maxBlockEdits = 2000

function redlineOf(before: Entry[], after: Entry[]): RedlineBlock[] {
  const beforeByKey = recommendationsByKey(before)
  const afterByKey = recommendationsByKey(after)
  const redline: RedlineBlock[] = []
  let removed: Entry[] = []
  let added: Entry[] = []
  let b = 0
  let a = 0
  const tokens = (entries: Entry[]) => entries.map((entry) => entry.token)
  // Past `maxBlockEdits` the alignment gives up and every block goes through the pairing of removed and added runs.
  const changes = diffArrays(tokens(before), tokens(after), { maxEditLength: maxBlockEdits }) ?? [
    { value: tokens(before), removed: true, added: false, count: before.length },
    { value: tokens(after), removed: false, added: true, count: after.length },
  ]
  for (const change of changes) {
    const count = change.value.length
    if (change.removed) {
      removed.push(...before.slice(b, b + count))
      b += count
    } else if (change.added) {
      added.push(...after.slice(a, a + count))
      a += count
    } else {
      redline.push(...redlineOfRun(removed, added, beforeByKey, afterByKey))
      removed = []
      added = []
      for (let offset = 0; offset < count; offset += 1) redline.push(pairedBlock(before[b + offset].block, after[a + offset].block, false))
      b += count
      a += count
    }
  }
  redline.push(...redlineOfRun(removed, added, beforeByKey, afterByKey))
  return redline
}

function isPlain(block: DraftBlock | null): block is DraftBlock {
  return block !== null && (block.kind !== 'recommendation' || block.id === null)
}

/**
 * Plain blocks removed in one place and added in another (a paragraph moved, perhaps edited on the way) become one
 * block at their new place, marked moved: first those of equal text, then, unless there are too many to weigh,
 * the most alike pairs of those left, above `movedSimilarity`, best first.
 */
function withMovedBlocks(blocks: RedlineBlock[]): RedlineBlock[] {
  const removed = blocks.flatMap((block, index) => (block.change === 'removed' && isPlain(block.before) ? [index] : []))
  const added = blocks.flatMap((block, index) => (block.change === 'added' && isPlain(block.after) ? [index] : []))
  if (removed.length === 0 || added.length === 0) return blocks
  const movedFrom = new Map<number, number>()
  const byToken = new Map<string, number[]>()
  for (const index of removed) {
    const token = contentToken(blocks[index].before!)
    byToken.set(token, [...(byToken.get(token) ?? []), index])
  }
  const unmatched: number[] = []
  for (const index of added) {
    const same = byToken.get(contentToken(blocks[index].after!))
    if (same && same.length > 0) movedFrom.set(index, same.shift()!)
    else unmatched.push(index)
  }
  const taken = new Set(movedFrom.values())
  const left = removed.filter((index) => !taken.has(index))
  if (left.length * unmatched.length <= movedLikenessPairs) {
    // The most alike pairs first (the nearer on a tie), each block in one pair at most.
    const counts = new Map(left.map((index) => [index, wordCounts(blocks[index].before!.text)]))
    const pairs: Array<{ added: number; removed: number; score: number }> = []
    for (const index of unmatched) {
      const after = blocks[index].after!
      const afterCounts = wordCounts(after.text)
      for (const candidate of left) {
        if (blocks[candidate].before!.kind !== after.kind) continue
        const score = countsSimilarity(counts.get(candidate)!, afterCounts)
        if (score >= movedSimilarity) pairs.push({ added: index, removed: candidate, score })
      }
    }
    pairs.sort((a, b) => b.score - a.score || Math.abs(a.added - a.removed) - Math.abs(b.added - b.removed))
    for (const { added: index, removed: candidate } of pairs) {
      if (movedFrom.has(index) || taken.has(candidate)) continue
      movedFrom.set(index, candidate)
      taken.add(candidate)
    }
  }
  if (movedFrom.size === 0) return blocks
  return blocks.flatMap((block, index) => {
    if (taken.has(index)) return []
    const from = movedFrom.get(index)
    return from === undefined ? [block] : [pairedBlock(blocks[from].before!, block.after!, true)]
  })
}

function summaryOf(blocks: RedlineBlock[], recommendations: RecommendationChange[]): ComparisonSummary {
  const paragraphs = (change: RedlineBlock['change']) =>
    blocks.filter((block) => block.kind === 'paragraph' && block.change === change).length
  const recommendationsWith = (test: (entry: RecommendationChange) => boolean) => recommendations.filter(test).length
  return {
    paragraphsAdded: paragraphs('added'),
    paragraphsRemoved: paragraphs('removed'),
    paragraphsChanged: paragraphs('changed'),
    paragraphsMoved: blocks.filter((block) => block.kind === 'paragraph' && block.moved).length,
    recommendationsAdded: recommendationsWith((entry) => entry.changes.includes('added')),
    recommendationsRemoved: recommendationsWith((entry) => entry.changes.includes('removed')),
    recommendationsChanged: recommendationsWith((entry) => entry.changes.includes('text') || entry.changes.includes('links')),
    recommendationsRenumbered: recommendationsWith((entry) => entry.changes.includes('renumbered')),
  }
}

/**
 * Compares an earlier and a later version of a draft. Recommendations with an id are matched by it wherever they stand
 * (the n-th of a duplicated id with the n-th); other blocks are aligned in order by their text, numbers aside.
 * Recommendations without an id (invalid drafts) appear in the redline as plain blocks, not in the table.
 */
export function compareDrafts(before: DraftModel, after: DraftModel): Comparison {
  const beforeEntries = entriesOf(before)
  const afterEntries = entriesOf(after)
  const blocks = withMovedBlocks(redlineOf(beforeEntries, afterEntries))
  const recommendations = recommendationChanges(recommendationsByKey(beforeEntries), recommendationsByKey(afterEntries))
  return { blocks, recommendations, summary: summaryOf(blocks, recommendations) }
}
