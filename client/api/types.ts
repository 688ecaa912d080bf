/** Shapes of the REST API's answers, as the client reads them. */
import type { Role } from '../../shared/schema/member.ts'
import type { Author } from './members.ts'

export interface SignedInMember {
  id: number
  name: string
  role: Role
  delegation: string | null
}

export interface WorkspaceSummary {
  id: string
  dtg: number
  year: number
  title: string
  documentCount: number
}

export const documentKinds = ['annual-summary', 'recommendations', 'working-draft'] as const
export type DocumentKind = (typeof documentKinds)[number]

export interface DocumentSummary {
  id: string
  title: string
  kind: DocumentKind
  symbol: string | null
  createdAt: string | number
}

export interface WorkspaceDetail {
  workspace: WorkspaceSummary
  documents: DocumentSummary[]
  /** The members leading this workspace (absent from servers before per-workspace write permission). */
  cofacilitators?: Author[]
}

export interface Template {
  id: string
  title: string
  dtg: number
  description: string
}

/** What the signed-in member may do on one document (GET /api/documents/:id). */
export interface DocumentPermissions {
  write: boolean
  cutRevision: boolean
  restoreRevision: boolean
  comment: boolean
  resolveThreads: boolean
  exportForSubmission: boolean
  viewAudit: boolean
  /** Absent from servers before proposals: see documentPermissions(). */
  propose?: boolean
  decideProposals?: boolean
  bracketProposals?: boolean
}

export interface DocumentDetail {
  document: DocumentSummary
  workspace: WorkspaceSummary
  canWrite: boolean
  /** Absent from servers older than per-workspace permissions: see documentPermissions(). */
  permissions?: DocumentPermissions
}

export interface StatusProblem {
  code: string
  message: string
  severity: 'error' | 'warning' | string
  recommendationId?: string
  recommendationNumber?: string | number
}

export interface DocumentStatus {
  documentId: string
  valid: boolean
  problems: StatusProblem[]
  checkedAt: string | number
}
