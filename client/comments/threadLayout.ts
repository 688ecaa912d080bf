/** How the comments panel lists threads: open ones in the order of the text, detached ones after them, resolved apart. */
import type { Thread } from '../api/comments.ts'
import { pending, type Placement } from './anchors.ts'

export interface PlacedThread {
  thread: Thread
  placement: Placement
}

export interface ThreadGroups {
  /** Open threads on text the document still holds (or not yet received), in the order of the text. */
  open: PlacedThread[]
  /** Open threads whose text was deleted: shown with the text they were made on. */
  detached: PlacedThread[]
  /** Resolved threads, in the same order (text order, then detached). */
  resolved: PlacedThread[]
}

const kindRank: Record<Placement['kind'], number> = { attached: 0, pending: 1, detached: 2 }

/** Text order; threads without a place after those with one; ties by age. */
export function compareByPosition(a: PlacedThread, b: PlacedThread): number {
  const rank = kindRank[a.placement.kind] - kindRank[b.placement.kind]
  if (rank !== 0) return rank
  if (a.placement.kind === 'attached' && b.placement.kind === 'attached') {
    const byStart = a.placement.from - b.placement.from
    if (byStart !== 0) return byStart
    const byEnd = a.placement.to - b.placement.to
    if (byEnd !== 0) return byEnd
  }
  return a.thread.createdAt - b.thread.createdAt || a.thread.id.localeCompare(b.thread.id)
}

/** A thread whose every comment was deleted by its author is withdrawn (the server leaves it out of listings too). */
export function isWithdrawn(thread: Thread): boolean {
  return thread.comments.length > 0 && thread.comments.every((comment) => comment.deleted)
}

export function groupThreads(threads: readonly Thread[], placements: ReadonlyMap<string, Placement>): ThreadGroups {
  const placed = threads.filter((thread) => !isWithdrawn(thread)).map((thread) => ({ thread, placement: placements.get(thread.id) ?? pending })).sort(compareByPosition)
  return {
    open: placed.filter(({ thread, placement }) => !thread.resolved && placement.kind !== 'detached'),
    detached: placed.filter(({ thread, placement }) => !thread.resolved && placement.kind === 'detached'),
    resolved: placed.filter(({ thread }) => thread.resolved),
  }
}

/** A key that changes exactly when the panel's grouping or order changes. */
export function layoutKey(threads: readonly Thread[], placements: ReadonlyMap<string, Placement>): string {
  const { open, detached, resolved } = groupThreads(threads, placements)
  const ids = (group: PlacedThread[]) => group.map(({ thread, placement }) => `${thread.id}:${placement.kind}`).join(',')
  return `${ids(open)}|${ids(detached)}|${ids(resolved)}`
}

/** The list with `thread` in place of the one with its id, or added at the end. */
export function upsertThread(threads: readonly Thread[], thread: Thread): Thread[] {
  const index = threads.findIndex((existing) => existing.id === thread.id)
  if (index < 0) return [...threads, thread]
  const next = threads.slice()
  next[index] = thread
  return next
}
