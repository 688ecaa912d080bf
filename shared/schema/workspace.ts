/** What the workspace routes answer: workspaces (one DTG in one cycle year), their documents, leads and templates. */
import { z } from 'zod'
import { DocumentKind } from './api.ts'
import { distributions, languages } from './documentMetadata.ts'
import { Author } from './member.ts'
import { WorkspacePermissions } from './permissions.ts'

export const Workspace = z.object({
  id: z.string(),
  dtg: z.literal([1, 2]),
  year: z.number().int(),
  title: z.string(),
  createdAt: z.number(),
})
export type Workspace = z.infer<typeof Workspace>

/** A workspace as listed (`GET /api/workspaces`), with how many documents it holds. */
export const WorkspaceSummary = Workspace.extend({ documentCount: z.number().int().nonnegative() })
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>
export const WorkspaceList = z.array(WorkspaceSummary)

export const DocumentRecord = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  kind: DocumentKind,
  symbol: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.number(),
  /** The submission metadata the masthead prints (shared/schema/documentMetadata.ts). */
  distribution: z.enum(distributions),
  bodyName: z.string().nullable(),
  session: z.string().nullable(),
  agendaItem: z.string().nullable(),
  originalLanguage: z.enum(languages),
})
export type DocumentRecord = z.infer<typeof DocumentRecord>

/** `GET /api/workspaces/:id`: the workspace, its documents, who leads it and what the signed-in member may do there. */
export const WorkspaceDetail = z.object({
  workspace: Workspace,
  documents: z.array(DocumentRecord),
  cofacilitators: z.array(Author),
  permissions: WorkspacePermissions,
})
export type WorkspaceDetail = z.infer<typeof WorkspaceDetail>

/** `PUT`, `DELETE /api/workspaces/:id/cofacilitators/:memberId`: the workspace's leads as they now are. */
export const Cofacilitators = z.object({ workspace: Workspace, cofacilitators: z.array(Author) })
export type Cofacilitators = z.infer<typeof Cofacilitators>

/** `POST /api/workspaces/:id/documents`. */
export const DocumentCreated = z.object({ document: DocumentRecord })

export const Template = z.object({ id: z.string(), dtg: z.number().int(), title: z.string(), description: z.string() })
export type Template = z.infer<typeof Template>
export const TemplateList = z.array(Template)
