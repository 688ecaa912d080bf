/** What the server says a member may do, as it answers it: the client shows or hides controls by these, never by a rule of its own. */
import { z } from 'zod'

/** On one document (`GET /api/documents/:id`). */
export const DocumentPermissions = z.object({
  write: z.boolean(),
  cutRevision: z.boolean(),
  restoreRevision: z.boolean(),
  /** Restore a snapshot from the history. */
  restoreSnapshot: z.boolean(),
  comment: z.boolean(),
  resolveThreads: z.boolean(),
  exportForSubmission: z.boolean(),
  viewAudit: z.boolean(),
  editMetadata: z.boolean(),
  propose: z.boolean(),
  decideProposals: z.boolean(),
  bracketProposals: z.boolean(),
  openPeriod: z.boolean(),
  startSilence: z.boolean(),
  breakSilence: z.boolean(),
  markSubmitted: z.boolean(),
  /** Set blocks open, under negotiation or agreed ad referendum. */
  setBlockStatus: z.boolean(),
  /** Reopen agreed blocks. */
  reopenBlocks: z.boolean(),
})
export type DocumentPermissions = z.infer<typeof DocumentPermissions>

/** In one workspace (`GET /api/workspaces/:id`). */
export const WorkspacePermissions = z.object({
  createDocument: z.boolean(),
  assignCofacilitators: z.boolean(),
})
export type WorkspacePermissions = z.infer<typeof WorkspacePermissions>

/** Anywhere (`GET /api/me`). */
export const MemberPermissions = z.object({
  createWorkspace: z.boolean(),
  manageMembers: z.boolean(),
  editCatalogue: z.boolean(),
})
export type MemberPermissions = z.infer<typeof MemberPermissions>
