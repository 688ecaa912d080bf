/** The table of recommendation changes: each recommendation matched by its stable id across two versions. */
import type { RecommendationBlock } from '../model/draftModel.ts'
import type { RecommendationChange, RecommendationChangeKind, RecommendationSide } from './comparison.ts'

function sideOf(block: RecommendationBlock): RecommendationSide {
  return { number: block.number, refs: block.refs, text: block.text }
}

function sameRefIds(before: RecommendationBlock, after: RecommendationBlock): boolean {
  return before.refs.length === after.refs.length && before.refs.every((ref, index) => ref.id === after.refs[index].id)
}

function changesOf(before: RecommendationBlock, after: RecommendationBlock): RecommendationChangeKind[] {
  const changes: RecommendationChangeKind[] = []
  if (before.number !== after.number) changes.push('renumbered')
  if (before.text !== after.text) changes.push('text')
  if (!sameRefIds(before, after)) changes.push('links')
  return changes
}

function summaryOf(changes: RecommendationChangeKind[], before: RecommendationSide | null, after: RecommendationSide | null): string {
  if (!before) return `added as R${after!.number}`
  if (!after) return `removed (was R${before.number})`
  const edits = [changes.includes('text') && 'text', changes.includes('links') && 'links'].filter(Boolean).join(' and ')
  const parts = [
    changes.includes('renumbered') ? `R${before.number} is now R${after.number}` : '',
    edits === '' ? '' : `${edits} changed`,
  ].filter((part) => part !== '')
  return parts.length === 0 ? 'unchanged' : parts.join('; ')
}

function change(id: string, before: RecommendationBlock | null, after: RecommendationBlock | null): RecommendationChange {
  const changes: RecommendationChangeKind[] = !before ? ['added'] : !after ? ['removed'] : changesOf(before, after)
  const beforeSide = before && sideOf(before)
  const afterSide = after && sideOf(after)
  return { id, changes, before: beforeSide, after: afterSide, summary: summaryOf(changes, beforeSide, afterSide) }
}

/**
 * One entry per matched key: those of the later version in its order, then those only in the earlier one in theirs.
 * Both maps are keyed alike (an id, or an id and its occurrence when duplicated) and hold recommendations with an id.
 */
export function recommendationChanges(
  before: ReadonlyMap<string, RecommendationBlock>,
  after: ReadonlyMap<string, RecommendationBlock>,
): RecommendationChange[] {
  const kept = [...after].map(([key, block]) => change(block.id!, before.get(key) ?? null, block))
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, block]) => change(block.id!, block, null))
  return [...kept, ...removed]
}
