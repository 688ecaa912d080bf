/** What the audit and participation routes answer: a document's contributors, a workspace's participation by regional group. */
import { z } from 'zod'
import { Author, RegionalGroup } from './member.ts'

const count = z.number().int().nonnegative()

export const Contributor = z.object({ author: Author, updates: count, bytes: count, firstAt: z.number(), lastAt: z.number() })
export type Contributor = z.infer<typeof Contributor>

export const RecentContribution = z.object({ author: Author, at: z.number(), updates: count, bytes: count })
export type RecentContribution = z.infer<typeof RecentContribution>

/** `GET /api/documents/:id/contributors`. */
export const Contributors = z.object({
  contributors: z.array(Contributor),
  /** Newest first. */
  recent: z.array(RecentContribution),
})
export type Contributors = z.infer<typeof Contributors>

export const ParticipationBucket = z.enum(['day', 'week'])
export type ParticipationBucket = z.infer<typeof ParticipationBucket>

/** A UN regional group, or 'none' for members without one (secretariat, stakeholders, others). */
export const ParticipationGroupId = z.union([RegionalGroup, z.literal('none')])
export type ParticipationGroupId = z.infer<typeof ParticipationGroupId>

export const ParticipationCounts = z.object({ edits: count, comments: count })
export type ParticipationCounts = z.infer<typeof ParticipationCounts>

/** `GET /api/workspaces/:id/participation`. */
export const Participation = z.object({
  bucket: ParticipationBucket,
  groups: z.array(z.object({ id: ParticipationGroupId, label: z.string() })),
  /** Oldest first. The server counts every group in every period; a reader treats a missing group as zero. */
  series: z.array(z.object({ start: z.number(), counts: z.partialRecord(ParticipationGroupId, ParticipationCounts) })),
})
export type Participation = z.infer<typeof Participation>
