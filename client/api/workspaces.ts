/** Workspaces, their documents and the document templates. */
import { request } from './http.ts'
import type { DocumentKind, DocumentSummary, Template, WorkspaceDetail, WorkspaceSummary } from './types.ts'

export function listWorkspaces(): Promise<WorkspaceSummary[]> {
  return request('GET', '/api/workspaces')
}

export function createWorkspace(input: { dtg: number; year: number; title: string }): Promise<unknown> {
  return request('POST', '/api/workspaces', input)
}

export function getWorkspace(id: string): Promise<WorkspaceDetail> {
  return request('GET', `/api/workspaces/${encodeURIComponent(id)}`)
}

export function listTemplates(): Promise<Template[]> {
  return request('GET', '/api/templates')
}

export interface NewDocument {
  title: string
  kind: DocumentKind
  symbol?: string
  templateId?: string
}

export async function createDocument(workspaceId: string, input: NewDocument): Promise<DocumentSummary> {
  const { document } = await request<{ document: DocumentSummary }>('POST', `/api/workspaces/${encodeURIComponent(workspaceId)}/documents`, input)
  return document
}
