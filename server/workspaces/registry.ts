/** Workspaces (one DTG in one cycle year) and the documents that belong to them. */
import { randomBytes } from 'node:crypto'
import { defaultDocumentMetadata, type DocumentMetadata, type UpdateDocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { DocumentKind } from '../../shared/schema/api.ts'
import type { DocumentRecord, Workspace, WorkspaceSummary } from '../../shared/schema/workspace.ts'
import type { Db } from '../store/database.ts'

export type { DocumentKind, DocumentRecord, Workspace }

/** A workspace that exists already (409) or a document for one that does not (404). */
export class RegistryError extends ApiError {
  constructor(code: 'workspace_exists' | 'workspace_not_found', message: string) {
    super(code === 'workspace_exists' ? 409 : 404, code, message)
  }
}

const documentColumns = [
  'id',
  'workspace_id as workspaceId',
  'title',
  'kind',
  'symbol',
  'created_by as createdBy',
  'created_at as createdAt',
  'distribution',
  'body_name as bodyName',
  'session',
  'agenda_item as agendaItem',
  'original_language as originalLanguage',
] as const

/**
 * Kept in memory whole (a few workspaces, their documents), loaded at start: the relay and its listeners ask for a
 * document on every stored batch without a database round trip. Writes go to the database first, then to memory;
 * `reload()` takes in what another process or instance wrote; `changeListeners` hear of each write made here (the other
 * instances are told to reload).
 */
export class Registry {
  private workspaces = new Map<string, Workspace>()
  private documentsById = new Map<string, DocumentRecord>()
  /** Documents marked submitted to the plenary: their text and negotiation are closed (shared/auth/permissions.ts). */
  private submittedIds = new Set<string>()
  /** Called after a workspace or document was created here, a document's metadata changed, or it was submitted. */
  readonly changeListeners = new Set<() => void>()

  constructor(private readonly db: Db) {}

  /** A registry with everything stored read into memory. */
  static async open(db: Db): Promise<Registry> {
    const registry = new Registry(db)
    await registry.reload()
    return registry
  }

  /** The reload under way, if any: reloads run one after the other, so that the last to finish read last. */
  private reloading: Promise<void> = Promise.resolve()

  /** Reads every workspace and document again. */
  reload(): Promise<void> {
    const next = this.reloading.catch(() => {}).then(() => this.readAll())
    this.reloading = next
    return next
  }

  private async readAll(): Promise<void> {
    const workspaces = await this.db.selectFrom('workspaces').select(['id', 'dtg', 'year', 'title', 'created_at as createdAt']).execute()
    const documents = await this.db.selectFrom('documents').select(documentColumns).execute()
    const submitted = await this.db.selectFrom('document_submissions').select('document_id').execute()
    this.workspaces = new Map(workspaces.map((row) => [row.id, row as Workspace]))
    this.documentsById = new Map(documents.map((row) => [row.id, row as DocumentRecord]))
    // Joined to what is known already: a submission is never undone, and one noted while this read was under way stays.
    this.submittedIds = new Set([...this.submittedIds, ...submitted.map((row) => row.document_id)])
  }

  /** Reads one document again (changed elsewhere), or forgets it if it is no longer stored. */
  async reloadDocument(id: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').select(documentColumns).where('id', '=', id).executeTakeFirst()
    if (row) this.documentsById.set(id, row as DocumentRecord)
    else this.documentsById.delete(id)
    const submitted = await this.db.selectFrom('document_submissions').select('document_id').where('document_id', '=', id).executeTakeFirst()
    if (submitted) this.submittedIds.add(id)
    if (row && !this.workspaces.has(row.workspaceId)) {
      const workspace = await this.db
        .selectFrom('workspaces')
        .select(['id', 'dtg', 'year', 'title', 'created_at as createdAt'])
        .where('id', '=', row.workspaceId)
        .executeTakeFirst()
      if (workspace) this.workspaces.set(workspace.id, workspace as Workspace)
    }
    return (row as DocumentRecord | undefined) ?? null
  }

  listWorkspaces(): WorkspaceSummary[] {
    const counts = new Map<string, number>()
    for (const document of this.documentsById.values()) counts.set(document.workspaceId, (counts.get(document.workspaceId) ?? 0) + 1)
    return [...this.workspaces.values()]
      .sort((a, b) => b.year - a.year || a.dtg - b.dtg)
      .map((workspace) => ({ ...workspace, documentCount: counts.get(workspace.id) ?? 0 }))
  }

  workspace(id: string): Workspace | null {
    return this.workspaces.get(id) ?? null
  }

  /** The workspace, or a RegistryError (404) naming the id. */
  requireWorkspace(id: string): Workspace {
    const workspace = this.workspace(id)
    if (!workspace) throw new RegistryError('workspace_not_found', `there is no workspace "${id}"`)
    return workspace
  }

  async createWorkspace(input: { dtg: 1 | 2; year: number; title: string }): Promise<Workspace> {
    const taken = () => new RegistryError('workspace_exists', `a workspace for DTG ${input.dtg} in ${input.year} exists already`)
    if ([...this.workspaces.values()].some((w) => w.dtg === input.dtg && w.year === input.year)) throw taken()
    const workspace: Workspace = { id: `dtg${input.dtg}-${input.year}`, ...input, createdAt: Date.now() }
    const inserted = await this.db
      .insertInto('workspaces')
      .values({ id: workspace.id, dtg: workspace.dtg, year: workspace.year, title: workspace.title, created_at: workspace.createdAt })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst()
    // Made meanwhile by another process or instance.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw taken()
    this.workspaces.set(workspace.id, workspace)
    this.changed()
    return workspace
  }

  documents(workspaceId: string): DocumentRecord[] {
    return [...this.documentsById.values()]
      .filter((document) => document.workspaceId === workspaceId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  document(id: string): DocumentRecord | null {
    return this.documentsById.get(id) ?? null
  }

  /** The document from memory, or read from the database when memory does not hold it (made by another process). */
  async find(id: string): Promise<DocumentRecord | null> {
    return this.document(id) ?? (await this.reloadDocument(id))
  }

  async createDocument(input: { workspaceId: string; title: string; kind: DocumentKind; symbol: string | null; createdBy: number | null }): Promise<DocumentRecord> {
    this.requireWorkspace(input.workspaceId)
    const id = `${input.workspaceId}-${randomBytes(6).toString('hex')}`
    await this.db
      .insertInto('documents')
      .values({ id, workspace_id: input.workspaceId, title: input.title, kind: input.kind, symbol: input.symbol, created_by: input.createdBy, created_at: Date.now() })
      .execute()
    const created = (await this.reloadDocument(id))!
    this.changed()
    return created
  }

  /** Changes the fields given, keeps the others; the updated record, or null when there is no such document. */
  async updateMetadata(id: string, change: UpdateDocumentMetadata): Promise<DocumentRecord | null> {
    const current = this.document(id)
    if (!current) return null
    const kept = Object.fromEntries(Object.keys(defaultDocumentMetadata).map((field) => [field, current[field as keyof DocumentMetadata]]))
    const next = { ...kept, ...change } as DocumentMetadata
    await this.db
      .updateTable('documents')
      .set({
        symbol: next.symbol,
        distribution: next.distribution,
        body_name: next.bodyName,
        session: next.session,
        agenda_item: next.agendaItem,
        original_language: next.originalLanguage,
      })
      .where('id', '=', id)
      .execute()
    const updated = await this.reloadDocument(id)
    this.changed()
    return updated
  }

  /** Whether the document was marked submitted to the plenary (read with the registry, and again by `documentSubmitted`). */
  isSubmitted(id: string): boolean {
    return this.submittedIds.has(id)
  }

  /** A document was marked submitted (here): read again, and the other instances told. */
  async documentSubmitted(id: string): Promise<void> {
    await this.reloadDocument(id)
    this.changed()
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener()
  }

  isEmpty(): boolean {
    return this.documentsById.size === 0 && this.workspaces.size === 0
  }
}
