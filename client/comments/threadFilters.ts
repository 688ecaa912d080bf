/** Which threads the comments show (open, mine, one delegation's, stakeholder input) and what is new since the member last looked. */
import type { Thread } from '../api/comments.ts'
import { t } from '../i18n/i18n.ts'

export interface ThreadFilters {
  /** Open threads only (resolved ones are listed apart otherwise). */
  openOnly: boolean
  /** Threads the member opened or replied to. */
  mine: boolean
  /** Threads in which this delegation spoke; null for every delegation. */
  delegation: string | null
  /** Threads opened by stakeholders (written input). */
  stakeholderInput: boolean
}

export const defaultThreadFilters: ThreadFilters = { openOnly: true, mine: false, delegation: null, stakeholderInput: false }

const spoken = (thread: Thread) => thread.comments.filter((comment) => !comment.deleted)

export function matchesFilters(thread: Thread, filters: ThreadFilters, memberId: number): boolean {
  if (filters.openOnly && thread.resolved) return false
  if (filters.mine && thread.author.id !== memberId && !spoken(thread).some((comment) => comment.author.id === memberId)) return false
  if (filters.delegation !== null && thread.author.delegation !== filters.delegation && !spoken(thread).some((comment) => comment.author.delegation === filters.delegation)) return false
  if (filters.stakeholderInput && !thread.stakeholder) return false
  return true
}

/** Whether any filter narrows the list beyond the default (open threads). */
export function isNarrowed(filters: ThreadFilters): boolean {
  return filters.mine || filters.delegation !== null || filters.stakeholderInput
}

/** The delegations that spoke in any thread, alphabetically: the choices of the delegation filter. */
export function commentingDelegations(threads: readonly Thread[]): string[] {
  const found = new Set<string>()
  for (const thread of threads) {
    if (thread.author.delegation) found.add(thread.author.delegation)
    for (const comment of spoken(thread)) if (comment.author.delegation) found.add(comment.author.delegation)
  }
  return [...found].sort((a, b) => a.localeCompare(b))
}

/** Comments by others posted after `seenAt` (a thread's opening comment included), in threads still listed. */
export function newComments(thread: Thread, seenAt: number, memberId: number): number {
  return spoken(thread).filter((comment) => comment.createdAt > seenAt && comment.author.id !== memberId).length
}

export function unseenCount(threads: readonly Thread[], seenAt: number | null, memberId: number): number {
  if (seenAt === null) return 0
  return threads.reduce((total, thread) => total + newComments(thread, seenAt, memberId), 0)
}

/** The browser tab's title: the document's, with the count of new comments in front when there are any. */
export function tabTitle(documentTitle: string, unseen: number, appName: string): string {
  return t('comments.tabTitle', { title: documentTitle, count: unseen, appName })
}
