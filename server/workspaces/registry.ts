/** Workspaces (one DTG in one cycle year) and the documents that belong to them. */
import { randomBytes } from 'node:crypto'
import { defaultDocumentMetadata, type DocumentMetadata, type UpdateDocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { DocumentKind } from '../../shared/schema/api.ts'
import type { DocumentRecord, Workspace, WorkspaceSummary } from '../../shared/schema/workspace.ts'
import type { Sqlite } from '../store/sqlite.ts'

export type { DocumentKind, DocumentRecord, Workspace }

/** A workspace that exists already (409) or a document for one that does not (404). */
export class RegistryError extends ApiError {
  constructor(code: 'workspace_exists' | 'workspace_not_found', message: string) {
    super(code === 'workspace_exists' ? 409 : 404, code, message)
  }
}

const workspaceColumns = 'id, dtg, year, title, created_at AS createdAt'
const documentColumns =
  'id, workspace_id AS workspaceId, title, kind, symbol, created_by AS createdBy, created_at AS createdAt, ' +
  'distribution, body_name AS bodyName, session, agenda_item AS agendaItem, original_language AS originalLanguage'

export class Registry {
  private readonly listWorkspacesStmt
  private readonly workspaceById
  private readonly workspaceByDtgYear
  private readonly insertWorkspace
  private readonly documentsOf
  private readonly documentById
  private readonly insertDocument
  private readonly countDocuments
  private readonly updateDocumentMetadata

  constructor(private readonly db: Sqlite) {
    this.listWorkspacesStmt = db.prepare<[], WorkspaceSummary>(
      `SELECT w.id, w.dtg, w.year, w.title, w.created_at AS createdAt,
              (SELECT count(*) FROM documents d WHERE d.workspace_id = w.id) AS documentCount
       FROM workspaces w ORDER BY w.year DESC, w.dtg`,
    )
    this.workspaceById = db.prepare<[string], Workspace>(`SELECT ${workspaceColumns} FROM workspaces WHERE id = ?`)
    this.workspaceByDtgYear = db.prepare<[number, number], Workspace>(`SELECT ${workspaceColumns} FROM workspaces WHERE dtg = ? AND year = ?`)
    this.insertWorkspace = db.prepare<[string, number, number, string, number]>(
      'INSERT INTO workspaces (id, dtg, year, title, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.documentsOf = db.prepare<[string], DocumentRecord>(
      `SELECT ${documentColumns} FROM documents WHERE workspace_id = ? ORDER BY created_at, id`,
    )
    this.documentById = db.prepare<[string], DocumentRecord>(`SELECT ${documentColumns} FROM documents WHERE id = ?`)
    this.insertDocument = db.prepare<[string, string, string, DocumentKind, string | null, number | null, number]>(
      'INSERT INTO documents (id, workspace_id, title, kind, symbol, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.countDocuments = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents')
    this.updateDocumentMetadata = db.prepare<[DocumentMetadata & { id: string }]>(
      `UPDATE documents SET symbol = @symbol, distribution = @distribution, body_name = @bodyName, session = @session,
              agenda_item = @agendaItem, original_language = @originalLanguage
       WHERE id = @id`,
    )
  }

  listWorkspaces() {
    return this.listWorkspacesStmt.all()
  }

  workspace(id: string): Workspace | null {
    return this.workspaceById.get(id) ?? null
  }

  /** The workspace, or a RegistryError (404) naming the id. */
  requireWorkspace(id: string): Workspace {
    const workspace = this.workspace(id)
    if (!workspace) throw new RegistryError('workspace_not_found', `there is no workspace "${id}"`)
    return workspace
  }

  createWorkspace(input: { dtg: 1 | 2; year: number; title: string }): Workspace {
    if (this.workspaceByDtgYear.get(input.dtg, input.year)) {
      throw new RegistryError('workspace_exists', `a workspace for DTG ${input.dtg} in ${input.year} exists already`)
    }
    const workspace: Workspace = { id: `dtg${input.dtg}-${input.year}`, ...input, createdAt: Date.now() }
    this.insertWorkspace.run(workspace.id, workspace.dtg, workspace.year, workspace.title, workspace.createdAt)
    return workspace
  }

  documents(workspaceId: string): DocumentRecord[] {
    return this.documentsOf.all(workspaceId)
  }

  document(id: string): DocumentRecord | null {
    return this.documentById.get(id) ?? null
  }

  createDocument(input: { workspaceId: string; title: string; kind: DocumentKind; symbol: string | null; createdBy: number | null }): DocumentRecord {
    this.requireWorkspace(input.workspaceId)
    const id = `${input.workspaceId}-${randomBytes(6).toString('hex')}`
    this.insertDocument.run(id, input.workspaceId, input.title, input.kind, input.symbol, input.createdBy, Date.now())
    return this.document(id)!
  }

  /** Changes the fields given, keeps the others; the updated record, or null when there is no such document. */
  updateMetadata(id: string, change: UpdateDocumentMetadata): DocumentRecord | null {
    const current = this.document(id)
    if (!current) return null
    const kept = Object.fromEntries(Object.keys(defaultDocumentMetadata).map((field) => [field, current[field as keyof DocumentMetadata]]))
    const next = { ...kept, ...change } as DocumentMetadata
    this.updateDocumentMetadata.run({ id, ...next })
    return this.document(id)
  }

  isEmpty(): boolean {
    return this.countDocuments.get()!.n === 0 && this.listWorkspaces().length === 0
  }
}
