/** What the history routes answer: the automatic snapshots of a document's text, who wrote what went into each, and restores. */
import { z } from 'zod'
import { DraftDoc, RevisionSummary } from './revision.ts'
import { Author } from './member.ts'

/** Why a snapshot was taken: on the timer while the text changes, or just before a restore or a proposal changed it. */
export const SnapshotReason = z.enum(['auto', 'restore', 'proposal'])
export type SnapshotReason = z.infer<typeof SnapshotReason>

/** A snapshot as listed: when, why, who caused it (restores and proposals), and the members whose edits went into it. */
export const SnapshotSummary = z.object({
  id: z.number().int().positive(),
  documentId: z.string(),
  reason: SnapshotReason,
  createdAt: z.number(),
  /** The member whose restore or decision on a proposal came next; null for automatic snapshots. */
  takenBy: Author.nullable(),
  /** Members whose updates reached the text since the snapshot before this one. */
  authors: z.array(Author),
})
export type SnapshotSummary = z.infer<typeof SnapshotSummary>

/** How long snapshots are kept: every one for `keepAllDays`, then the last of each day for `keepDailyDays`. */
export const SnapshotRetention = z.object({
  intervalSeconds: z.number(),
  keepAllDays: z.number(),
  keepDailyDays: z.number(),
})
export type SnapshotRetention = z.infer<typeof SnapshotRetention>

/** `GET /api/documents/:id/history`: newest first. */
export const SnapshotList = z.object({ snapshots: z.array(SnapshotSummary), retention: SnapshotRetention })
/** `GET /api/documents/:id/history/:snapshot`. */
export const SnapshotDetail = z.object({ snapshot: SnapshotSummary, content: DraftDoc })
export type SnapshotDetail = z.infer<typeof SnapshotDetail>

/**
 * `POST .../history/:snapshot/restore` and `POST .../revisions/:rev/restore`: what was restored, and `saved`, the snapshot
 * holding the text the restore replaced (taken just before it, or the latest one when the text had not changed since).
 */
export const RestoreAnswer = z.object({
  revision: RevisionSummary.nullable(),
  snapshot: SnapshotSummary.nullable(),
  saved: SnapshotSummary,
})
export type RestoreAnswer = z.infer<typeof RestoreAnswer>

/** The `snapshot` event: one taken (`taken`) or restored as the current text (`restored`, with who did it). */
export const SnapshotEvent = z.object({
  change: z.enum(['taken', 'restored']),
  snapshot: SnapshotSummary,
  by: z.string().nullable(),
})
export type SnapshotEvent = z.infer<typeof SnapshotEvent>
