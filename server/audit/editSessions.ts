/**
 * Editing sessions: what the participation figures count as edits. A session is one member's work on one document,
 * its updates never further apart than the gap; a member who types for an hour, or sends a thousand keystrokes, has
 * one session, and one who comes back after a pause starts another.
 */

/** The longest pause within one session. */
export const editSessionGapMs = 5 * 60_000

/** A stretch of one member's updates to one document (the audit keeps one per member, document and minute). */
export interface EditActivity {
  memberId: number
  documentId: string
  firstAt: number
  lastAt: number
}

export interface EditSession<T extends EditActivity> {
  /** The session's first stretch of activity (it says who and where). */
  first: T
  start: number
  end: number
}

/** The sessions in `activity`, in any order given; each member's sessions on each document in time order. */
export function editSessions<T extends EditActivity>(activity: readonly T[], gapMs = editSessionGapMs): EditSession<T>[] {
  const ordered = [...activity].sort((a, b) => a.memberId - b.memberId || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) || a.firstAt - b.firstAt)
  const sessions: EditSession<T>[] = []
  let current: EditSession<T> | null = null
  for (const stretch of ordered) {
    const continues = current !== null && current.first.memberId === stretch.memberId && current.first.documentId === stretch.documentId && stretch.firstAt - current.end < gapMs
    if (continues) current!.end = Math.max(current!.end, stretch.lastAt)
    else sessions.push((current = { first: stretch, start: stretch.firstAt, end: stretch.lastAt }))
  }
  return sessions
}
