/** Which shared schema each REST route's JSON answer must fit: the integration suite checks every answer it gets against it. */
import type { z } from 'zod'
import { ErrorEnvelope } from '../../shared/errors/apiError.ts'
import { BlockStatusAudit, BlockStatusList } from '../../shared/schema/blockStatus.ts'
import { CatalogueHistory, CatalogueVersionDetail, ServedCatalogue } from '../../shared/schema/catalogue.ts'
import { CommentsSeen, ThreadAnswer, ThreadList } from '../../shared/schema/comments.ts'
import { Compilation } from '../../shared/schema/compilation.ts'
import { DocumentDetail, DocumentMetadataChanged, DocumentStatus } from '../../shared/schema/document.ts'
import { ProposalAnswer, ProposalCompilation, ProposalList } from '../../shared/schema/proposals.ts'
import { OutcomeRecord, ProcedureAnswer, ProcedureList, StageSeen, SubmittedAnswer } from '../../shared/schema/procedures.ts'
import { Health, Readiness } from '../../shared/schema/health.ts'
import { InviteLink, InvitedMember, MemberAnswer, MemberList, SignedIn } from '../../shared/schema/member.ts'
import { Contributors, Participation } from '../../shared/schema/participation.ts'
import { ComparisonResult, RevisionAnswer, RevisionDetail, RevisionList } from '../../shared/schema/revision.ts'
import { RestoreAnswer, SnapshotDetail, SnapshotList } from '../../shared/schema/history.ts'
import { Cofacilitators, DocumentCreated, TemplateList, Workspace, WorkspaceDetail, WorkspaceList } from '../../shared/schema/workspace.ts'

/** `METHOD /path/:param`, as the routes are written; `:x` stands for one path segment. */
const routes: Record<string, z.ZodType> = {
  'GET /healthz': Health,
  'GET /readyz': Readiness,
  'POST /api/auth/invite': SignedIn,
  'GET /api/me': SignedIn,
  'GET /api/catalogue': ServedCatalogue,
  'PUT /api/catalogue': ServedCatalogue,
  'GET /api/catalogue/history': CatalogueHistory,
  'GET /api/catalogue/revisions/:revision': CatalogueVersionDetail,
  'GET /api/templates': TemplateList,
  'GET /api/workspaces': WorkspaceList,
  'POST /api/workspaces': Workspace,
  'GET /api/workspaces/:id': WorkspaceDetail,
  'POST /api/workspaces/:id/documents': DocumentCreated,
  'PUT /api/workspaces/:id/cofacilitators/:member': Cofacilitators,
  'DELETE /api/workspaces/:id/cofacilitators/:member': Cofacilitators,
  'GET /api/workspaces/:id/participation': Participation,
  'GET /api/members': MemberList,
  'POST /api/members': InvitedMember,
  'PATCH /api/members/:member': MemberAnswer,
  'POST /api/members/:member/invite': InviteLink,
  'POST /api/members/:member/revoke': MemberAnswer,
  'GET /api/documents/:id': DocumentDetail,
  'PATCH /api/documents/:id': DocumentMetadataChanged,
  'GET /api/documents/:id/status': DocumentStatus,
  'GET /api/documents/:id/contributors': Contributors,
  'GET /api/documents/:id/revisions': RevisionList,
  'POST /api/documents/:id/revisions': RevisionAnswer,
  'GET /api/documents/:id/revisions/:revision': RevisionDetail,
  'POST /api/documents/:id/revisions/:revision/restore': RestoreAnswer,
  'GET /api/documents/:id/history': SnapshotList,
  'GET /api/documents/:id/history/:snapshot': SnapshotDetail,
  'POST /api/documents/:id/history/:snapshot/restore': RestoreAnswer,
  'GET /api/documents/:id/compare': ComparisonResult,
  'GET /api/documents/:id/threads': ThreadList,
  'GET /api/documents/:id/comments/seen': CommentsSeen,
  'POST /api/documents/:id/comments/seen': CommentsSeen,
  'POST /api/documents/:id/threads': ThreadAnswer,
  'POST /api/documents/:id/threads/:thread/comments': ThreadAnswer,
  'POST /api/documents/:id/threads/:thread/resolve': ThreadAnswer,
  'POST /api/documents/:id/threads/:thread/reopen': ThreadAnswer,
  'PATCH /api/documents/:id/comments/:comment': ThreadAnswer,
  'DELETE /api/documents/:id/comments/:comment': ThreadAnswer,
  'GET /api/documents/:id/compilation': Compilation,
  'GET /api/documents/:id/proposals': ProposalList,
  'POST /api/documents/:id/proposals': ProposalAnswer,
  'GET /api/documents/:id/proposals/compilation': ProposalCompilation,
  'PATCH /api/documents/:id/proposals/:proposal': ProposalAnswer,
  'POST /api/documents/:id/proposals/:proposal/stance': ProposalAnswer,
  'POST /api/documents/:id/proposals/:proposal/withdraw': ProposalAnswer,
  'POST /api/documents/:id/proposals/:proposal/accept': ProposalAnswer,
  'POST /api/documents/:id/proposals/:proposal/reject': ProposalAnswer,
  'POST /api/documents/:id/proposals/:proposal/bracket': ProposalAnswer,
  'GET /api/documents/:id/procedures': ProcedureList,
  'POST /api/documents/:id/procedures': ProcedureAnswer,
  'POST /api/documents/:id/procedures/seen': StageSeen,
  'POST /api/documents/:id/procedures/:procedure/objections': ProcedureAnswer,
  'GET /api/documents/:id/procedures/:procedure/outcome': OutcomeRecord,
  'POST /api/documents/:id/submitted': SubmittedAnswer,
  'GET /api/documents/:id/blocks/status': BlockStatusList,
  'PUT /api/documents/:id/blocks/status': BlockStatusList,
  'POST /api/documents/:id/blocks/reopen': BlockStatusList,
  'GET /api/documents/:id/blocks/audit': BlockStatusAudit,
}

const compiled = Object.entries(routes).map(([route, schema]) => {
  const [method, pattern] = route.split(' ') as [string, string]
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]+/g, '[^/]+')
  return { method, path: new RegExp(`^${source}$`), route, schema }
})

/** The schema a successful JSON answer to `method path` must fit, or null when no route is listed for it. */
export function responseSchemaOf(method: string, path: string): { route: string; schema: z.ZodType } | null {
  const bare = path.split('?')[0]!
  return compiled.find((entry) => entry.method === method && entry.path.test(bare)) ?? null
}

/**
 * Throws unless `json` is what the route's shared schema accepts: a 2xx answer its route's schema (a route missing from
 * the table is a failure too, so a new route cannot go unchecked), any other the error envelope.
 */
export function checkResponse(method: string, path: string, status: number, json: unknown): void {
  if (status < 200 || status >= 300) {
    const envelope = ErrorEnvelope.safeParse(json)
    if (!envelope.success) throw new Error(`${method} ${path} answered ${status} without the error envelope: ${envelope.error.message}`)
    return
  }
  const entry = responseSchemaOf(method, path)
  if (!entry) throw new Error(`${method} ${path} answered JSON but no shared schema is listed for it in tests/helpers/responseSchemas.ts`)
  const parsed = entry.schema.safeParse(json)
  if (!parsed.success) throw new Error(`${method} ${path} answered a shape ${entry.route}'s schema does not accept: ${parsed.error.message}`)
}
