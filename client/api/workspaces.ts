/** Workspaces, their documents and the document templates. */
import type { z } from 'zod'
import type { CreateDocument, CreateWorkspace } from '../../shared/schema/api.ts'
import { DocumentCreated, TemplateList, Workspace, WorkspaceDetail, WorkspaceList } from '../../shared/schema/workspace.ts'
import { request } from './http.ts'
import type { DocumentRecord, Template, WorkspaceSummary } from './types.ts'

export function listWorkspaces(): Promise<WorkspaceSummary[]> {
  return request('GET', '/api/workspaces', WorkspaceList)
}

export function createWorkspace(input: z.input<typeof CreateWorkspace>): Promise<Workspace> {
  return request('POST', '/api/workspaces', Workspace, input)
}

export function getWorkspace(id: string): Promise<WorkspaceDetail> {
  return request('GET', `/api/workspaces/${encodeURIComponent(id)}`, WorkspaceDetail)
}

export function listTemplates(): Promise<Template[]> {
  return request('GET', '/api/templates', TemplateList)
}

export type NewDocument = z.input<typeof CreateDocument>

export async function createDocument(workspaceId: string, input: NewDocument): Promise<DocumentRecord> {
  const { document } = await request('POST', `/api/workspaces/${encodeURIComponent(workspaceId)}/documents`, DocumentCreated, input)
  return document
}
