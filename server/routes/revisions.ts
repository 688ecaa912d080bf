/** `/api/documents/:id/revisions`, `/compare` and `/export`: cut, list, open and restore revisions; compare; export. */
import { Hono, type Context } from 'hono'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { CutRevision, exportExtensions, type ExportFormat, exportFormats } from '../../shared/schema/api.ts'
import { exceedsDepth, maxDraftDepth } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { Access } from '../auth/access.ts'
import { RoomUnavailable, type Rooms } from '../collab/rooms.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { readDraft } from '../documents/readDraft.ts'
import { currentTextLabel } from '../export/exportMeta.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import type { DraftSource } from '../heavy/tasks.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import { RevisionError, type RevisionStore, type RevisionSummary } from '../revisions/revisionStore.ts'
import { contentField } from '../workspaces/seed.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument, ensureDocumentScope } from './documentScope.ts'

export interface RevisionRouteDeps {
  registry: Registry
  access: Access
  rooms: Rooms
  revisions: RevisionStore
  events: DocumentEvents
  /** Validation, export and comparison, on the worker pool. */
  heavy: HeavyWork
}

/** One side of a comparison or an export: a revision, or the current text when `revision` is null. */
interface Version {
  revision: RevisionSummary | null
  label: string
  /** The stored current text, or the revision's JSON: read into a draft on the worker pool. */
  source: DraftSource
  date: Date
}

type VersionLookup = { ok: true; version: Version } | { ok: false; response: Response }

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  akn: 'application/xml; charset=utf-8',
}

function fileName(parts: Array<string | null | undefined>, extension: string): string {
  const base = parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return `${base || 'document'}.${extension}`
}

function download(c: Context<AppEnv>, body: string | Uint8Array, format: ExportFormat, name: string) {
  c.header('content-type', contentTypes[format])
  c.header('content-disposition', `attachment; filename="${name}"`)
  c.header('cache-control', 'no-store')
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>))
}

export function revisionRoutes({ registry, access, rooms, revisions, events, heavy }: RevisionRouteDeps) {
  const revisionIdOf = (raw: string | undefined) => (raw && /^\d{1,12}$/.test(raw) ? Number(raw) : null)

  /** `current` or a revision id, as named by a query parameter. */
  const version = async (c: Context<AppEnv>, raw: string | undefined, name: string): Promise<VersionLookup> => {
    const documentId = c.get('document').id
    if (raw === undefined || raw === 'current') {
      return { ok: true, version: { revision: null, label: currentTextLabel, source: await heavy.current(documentId), date: new Date() } }
    }
    const id = revisionIdOf(raw)
    const revision = id === null ? null : revisions.get(documentId, id)
    if (!revision) return { ok: false, response: apiError(c, 404, 'revision_not_found', `${name}: there is no revision "${raw}" of this document`) }
    const { content, state: _state, ...summary } = revision
    return { ok: true, version: { revision: summary, label: revision.label, source: { content }, date: new Date(revision.createdAt) } }
  }

  return new Hono<AppEnv>()
    .use('/:id/*', ensureDocumentScope(registry, access))
    .get('/:id/revisions', allowOnDocument('revision.read'), (c) => c.json({ revisions: revisions.list(c.get('document').id) }))
    .post('/:id/revisions', allowOnDocument('revision.cut'), async (c) => {
      const body = await readJson(c, CutRevision)
      if (!body.ok) return body.response
      const documentId = c.get('document').id
      const draft = await heavy.prepareRevision(documentId, c.get('member').id)
      if (!draft.ok) return apiError(c, 422, draft.code, draft.message, draft.problems?.problems)
      try {
        const revision = revisions.cut({ documentId, label: body.value.label, note: body.value.note ?? null, state: draft.state, content: draft.content, createdBy: c.get('member').id })
        events.publish(documentId, 'revision', revision)
        return c.json({ revision }, 201)
      } catch (error) {
        if (error instanceof RevisionError) return apiError(c, 409, error.code, error.message)
        throw error
      }
    })
    .get('/:id/revisions/:revisionId', allowOnDocument('revision.read'), (c) => {
      const id = revisionIdOf(c.req.param('revisionId'))
      const revision = id === null ? null : revisions.get(c.get('document').id, id)
      if (!revision) return apiError(c, 404, 'revision_not_found', `there is no revision "${c.req.param('revisionId')}" of this document`)
      const { content, state: _state, ...summary } = revision
      return c.json({ revision: summary, content })
    })
    .post('/:id/revisions/:revisionId/restore', allowOnDocument('revision.restore'), async (c) => {
      const documentId = c.get('document').id
      const id = revisionIdOf(c.req.param('revisionId'))
      const revision = id === null ? null : revisions.get(documentId, id)
      if (!revision) return apiError(c, 404, 'revision_not_found', `there is no revision "${c.req.param('revisionId')}" of this document`)
      let restored: Node
      try {
        if (exceedsDepth(revision.content)) throw new Error(`it nests blocks more than ${maxDraftDepth} deep`)
        restored = Node.fromJSON(draftSchema, revision.content)
      } catch (error) {
        return apiError(c, 409, 'revision_unreadable', `this revision cannot be restored: ${error instanceof Error ? error.message : String(error)}`)
      }
      let unreadable: string | null = null
      try {
        await rooms.change(documentId, { member: c.get('member') }, (doc) => {
          // Checked before anything changes: a throw halfway through a transaction would keep its first half.
          const current = readDraft(doc)
          if (!current.ok) {
            unreadable = current.message
            return
          }
          // A minimal edit towards the revision: unchanged paragraphs keep their identity, so comment anchors in them hold.
          updateYFragment(doc, doc.getXmlFragment(contentField), restored, { mapping: new Map(), isOMark: new Map() })
        })
      } catch (error) {
        if (!(error instanceof RoomUnavailable)) throw error
        return apiError(c, 503, 'document_unavailable', `${error.message}; try again later`)
      }
      if (unreadable) return apiError(c, 409, 'document_unreadable', unreadable)
      const { content: _content, state: _state, ...summary } = revision
      events.publish(documentId, 'restored', { revision: summary, by: c.get('member').name })
      return c.json({ revision: summary })
    })
    .get('/:id/compare', allowOnDocument('revision.read'), async (c) => {
      const from = await version(c, c.req.query('from'), 'from')
      if (!from.ok) return from.response
      const to = await version(c, c.req.query('to'), 'to')
      if (!to.ok) return to.response
      const comparison = await heavy.compare({ from: from.version.source, to: to.version.source }, c.get('member').id)
      const side = ({ revision, label }: Version) => ({ revision, label })
      return c.json({ from: side(from.version), to: side(to.version), comparison })
    })
    .get('/:id/compare/export', allowOnDocument('document.export'), async (c) => {
      const format = c.req.query('format') ?? 'docx'
      if (format !== 'docx' && format !== 'html') return apiError(c, 400, 'invalid_query', 'format must be docx or html for a redline')
      const from = await version(c, c.req.query('from'), 'from')
      if (!from.ok) return from.response
      const to = await version(c, c.req.query('to'), 'to')
      if (!to.ok) return to.response
      const document = c.get('document')
      const meta = { title: document.title, symbol: document.symbol, fromLabel: from.version.label, toLabel: to.version.label, date: new Date() }
      const { body } = await heavy.exportComparison({ from: from.version.source, to: to.version.source, format, meta }, c.get('member').id)
      return download(c, body, format, fileName([document.symbol ?? document.title, 'redline', from.version.label, 'to', to.version.label], format))
    })
    .get('/:id/export', allowOnDocument('document.export'), async (c) => {
      const format = (c.req.query('format') ?? 'docx') as ExportFormat
      if (!exportFormats.includes(format)) return apiError(c, 400, 'invalid_query', `format must be one of: ${exportFormats.join(', ')}`)
      const working = c.req.query('working') === '1' || c.req.query('working') === 'true'
      const found = await version(c, c.req.query('revision'), 'revision')
      if (!found.ok) return found.response
      const { source, revision, date } = found.version
      const document = c.get('document')
      const { symbol, distribution, bodyName, session, agendaItem, originalLanguage } = document
      const meta = {
        title: document.title,
        kind: document.kind,
        ...{ symbol, distribution, bodyName, session, agendaItem, originalLanguage },
        revisionLabel: revision?.label ?? null,
        date,
        workDate: new Date(document.createdAt),
        working,
      }
      const { body } = await heavy.exportDraft({ source, format, meta }, c.get('member').id)
      return download(c, body, format, fileName([document.symbol ?? document.title, revision?.label, working ? 'working copy' : null], exportExtensions[format]))
    })
}
