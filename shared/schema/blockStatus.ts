/**
 * Paragraph status: what co-facilitators say about each block of a draft (open, under negotiation, agreed ad referendum).
 * Statuses are server records keyed by block (shared/collab/blockKey.ts), never attributes in the Y.Doc.
 */
import { z } from 'zod'

/** A block key, "client:clock": the Yjs id of a top-level element (shared/collab/blockKey.ts). */
export const blockKeyPattern = /^\d{1,16}:\d{1,16}$/

export const blockStatuses = ['open', 'negotiating', 'agreed'] as const
export const BlockStatusValue = z.enum(blockStatuses)
export type BlockStatusValue = z.infer<typeof BlockStatusValue>

/** How the margin and the panels name each status. */
export const blockStatusLabels: Record<BlockStatusValue, string> = {
  open: 'Open',
  negotiating: 'Under negotiation',
  agreed: 'Agreed ad referendum',
}

/** Blocks one request may name by default (MAX_BLOCKS_PER_STATUS_CHANGE): a whole long draft. */
export const defaultMaxBlocksPerRequest = 2000

export const BlockKey = z.string().regex(blockKeyPattern, 'a block key is "client:clock" (the Yjs id of a top-level element)')

/** The request bodies, with the server's limit on how many blocks one request names. */
export function blockStatusPayloads(maxBlocks: number = defaultMaxBlocksPerRequest) {
  const blockList = z
    .array(BlockKey)
    .min(1, 'blocks: name at least one block')
    .max(maxBlocks, `blocks: at most ${maxBlocks} at once`)
    .transform((keys) => [...new Set(keys)])
  return {
    /** `PUT /api/documents/:id/blocks/status`: set one status on every block named. Agreed blocks change only by reopening. */
    SetBlockStatus: z.object({ blocks: blockList, status: BlockStatusValue }).strict(),
    /** `POST /api/documents/:id/blocks/reopen`: agreed blocks open again, with the reason the audit keeps. */
    ReopenBlocks: z
      .object({
        blocks: blockList,
        reason: z.string().trim().min(1, 'reason: say why the agreed text is reopened').max(1000, 'reason: at most 1000 characters'),
      })
      .strict(),
  }
}

/** A block's status as recorded: who set it and when. Blocks without a record are open. */
export const BlockStatusRecord = z.object({
  block: BlockKey,
  status: BlockStatusValue,
  setBy: z.object({ id: z.number().int(), name: z.string() }),
  /** ISO 8601. */
  setAt: z.string(),
})
export type BlockStatusRecord = z.infer<typeof BlockStatusRecord>

export const BlockStatusCounts = z.object({
  open: z.number().int().nonnegative(),
  negotiating: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
})
export type BlockStatusCounts = z.infer<typeof BlockStatusCounts>

/** `GET /api/documents/:id/blocks/status`, the answer to a change, and the `blockStatus` event: every non-open block. */
export const BlockStatusList = z.object({
  documentId: z.string(),
  blocks: z.array(BlockStatusRecord),
})
export type BlockStatusList = z.infer<typeof BlockStatusList>

/** One entry of the audit of statuses: a status set, agreed text reopened, or a record dropped with its deleted block. */
export const BlockStatusAuditEntry = z.object({
  id: z.number().int(),
  block: BlockKey,
  action: z.enum(['set', 'reopen', 'removed']),
  from: BlockStatusValue,
  to: BlockStatusValue,
  reason: z.string().nullable(),
  /** Null for the server's own change (a block's element was deleted). */
  by: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** ISO 8601. */
  at: z.string(),
})
export type BlockStatusAuditEntry = z.infer<typeof BlockStatusAuditEntry>

/** `GET /api/documents/:id/blocks/audit`: newest first. */
export const BlockStatusAudit = z.object({ documentId: z.string(), entries: z.array(BlockStatusAuditEntry) })
export type BlockStatusAudit = z.infer<typeof BlockStatusAudit>

/** The status of every block of `keys`, from the records (blocks without one are open). */
export function statusOf(records: ReadonlyMap<string, BlockStatusValue>, key: string): BlockStatusValue {
  return records.get(key) ?? 'open'
}

/** How many of `keys` have each status. */
export function countStatuses(keys: readonly string[], records: ReadonlyMap<string, BlockStatusValue>): BlockStatusCounts {
  const counts = { open: 0, negotiating: 0, agreed: 0 }
  for (const key of keys) counts[statusOf(records, key)]++
  return counts
}
