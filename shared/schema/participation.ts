/** What the audit and participation routes answer: a document's contributors, a workspace's participation by regional group. */
import type { Author, RegionalGroup } from './member.ts'

export interface Contributor {
  author: Author
  updates: number
  bytes: number
  firstAt: number
  lastAt: number
}

export interface RecentContribution {
  author: Author
  at: number
  updates: number
  bytes: number
}

export interface Contributors {
  contributors: Contributor[]
  /** Newest first. */
  recent: RecentContribution[]
}

export type ParticipationBucket = 'day' | 'week'
/** A UN regional group, or 'none' for members without one (secretariat, stakeholders, others). */
export type ParticipationGroupId = RegionalGroup | 'none'

export interface ParticipationCounts {
  edits: number
  comments: number
}

export interface Participation {
  bucket: ParticipationBucket
  groups: Array<{ id: ParticipationGroupId; label: string }>
  /** Oldest first. The server counts every group in every period; a reader treats a missing group as zero. */
  series: Array<{ start: number; counts: Partial<Record<ParticipationGroupId, ParticipationCounts>> }>
}
