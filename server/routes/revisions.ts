/** `/api/documents/:id/revisions`, `/compare` and `/export`: cut, list, open and restore revisions; compare; export. */
import { Hono, type Context } from 'hono'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { type AcceptedChange, creditProposals } from '../../shared/compare/proposalCredits.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { CutRevision, type ExportFormat, exportFormats } from '../../shared/schema/api.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { type DraftProblem, submissionProblems, validateDraft } from '../../shared/schema/validateDraft.ts'
import type { Access } from '../auth/access.ts'
import { RoomUnavailable, type Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { readDraft, unreadableDraft } from '../documents/readDraft.ts'
import { draftToDocx } from '../export/docx.ts'
import { currentTextLabel } from '../export/exportMeta.ts'
import { draftToHtml } from '../export/html.ts'
import { draftToMarkdown } from '../export/markdown.ts'
import { draftToPlainText } from '../export/plainText.ts'
import { comparisonToDocx, comparisonToHtml } from '../export/redline.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import { RevisionError, type RevisionStore, type RevisionSummary } from '../revisions/revisionStore.ts'
import type { DocumentStore } from '../store/store.ts'
import { contentField } from '../workspaces/seed.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument, ensureDocumentScope } from './documentScope.ts'

export interface RevisionRouteDeps {
  registry: Registry
  access: Access
  rooms: Rooms
  store: DocumentStore
  revisions: RevisionStore
  events: DocumentEvents
  catalogue: () => FrameworkCatalogue
  /** Told of each revision cut, before anyone hears of it (the proposals open then are recorded with it). */
  revisionCut?: (documentId: string, revisionId: number) => Promise<void> | void
  /** The proposals accepted between two moments, so a comparison names who proposed its changes. */
  acceptedProposals?: (documentId: string, after: number, until: number) => AcceptedChange[]
}

/** One side of a comparison or an export: a revision, or the current text when `revision` is null. */
interface Version {
  revision: RevisionSummary | null
  label: string
  content: DraftDocJson
  date: Date
}

type VersionLookup = { ok: true; version: Version } | { ok: false; response: Response }

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

function problemSummary(problems: DraftProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error')
  const listed = errors.slice(0, 5).map((problem) => (problem.recommendationNumber ? `R${problem.recommendationNumber}: ${problem.message}` : problem.message))
  const more = errors.length > listed.length ? `; and ${errors.length - listed.length} more` : ''
  return `the draft has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first: ${listed.join('; ')}${more}`
}

/** Why a draft's JSON does not fit the editor's schema (content written past the editor), or null. */
function schemaProblem(json: DraftDocJson): string | null {
  try {
    Node.fromJSON(draftSchema, json).check()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function fileName(parts: Array<string | null | undefined>, format: string): string {
  const base = parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return `${base || 'document'}.${format}`
}

function download(c: Context<AppEnv>, body: string | Uint8Array, format: ExportFormat, name: string) {
  c.header('content-type', contentTypes[format])
  c.header('content-disposition', `attachment; filename="${name}"`)
  c.header('cache-control', 'no-store')
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>))
}

export function revisionRoutes({ registry, access, rooms, store, revisions, events, catalogue, revisionCut, acceptedProposals }: RevisionRouteDeps) {
  /** The two versions compared, with the accepted proposals that made the changes between them named. */
  const comparisonOf = (documentId: string, from: Version, to: Version) => {
    const comparison = compareDrafts(toDraftModel(from.content, catalogue()), toDraftModel(to.content, catalogue()))
    const [early, late] = [from.date.getTime(), to.date.getTime()].sort((a, b) => a - b)
    return creditProposals(comparison, acceptedProposals?.(documentId, early, late) ?? [])
  }

  const revisionIdOf = (raw: string | undefined) => (raw && /^\d{1,12}$/.test(raw) ? Number(raw) : null)

  const currentContent = (documentId: string) => readCurrentDoc(rooms, store, documentId, (doc) => ({ draft: readDraft(doc), state: Y.encodeStateAsUpdate(doc) }))

  /** `current` or a revision id, as named by a query parameter. */
  const version = async (c: Context<AppEnv>, raw: string | undefined, name: string): Promise<VersionLookup> => {
    const documentId = c.get('document').id
    if (raw === undefined || raw === 'current') {
      const { draft } = await currentContent(documentId)
      if (!draft.ok) return { ok: false, response: apiError(c, 409, 'document_unreadable', draft.message) }
      return { ok: true, version: { revision: null, label: currentTextLabel, content: draft.json, date: new Date() } }
    }
    const id = revisionIdOf(raw)
    const revision = id === null ? null : revisions.get(documentId, id)
    if (!revision) return { ok: false, response: apiError(c, 404, 'revision_not_found', `${name}: there is no revision "${raw}" of this document`) }
    const { content, state: _state, ...summary } = revision
    return { ok: true, version: { revision: summary, label: revision.label, content, date: new Date(revision.createdAt) } }
  }

  return new Hono<AppEnv>()
    .use('/:id/*', ensureDocumentScope(registry, access))
    .get('/:id/revisions', allowOnDocument('revision.read'), (c) => c.json({ revisions: revisions.list(c.get('document').id) }))
    .post('/:id/revisions', allowOnDocument('revision.cut'), async (c) => {
      const body = await readJson(c, CutRevision)
      if (!body.ok) return body.response
      const documentId = c.get('document').id
      const { draft, state } = await currentContent(documentId)
      const validation = draft.ok ? validateDraft(draft.json, catalogue()) : unreadableDraft(draft.message)
      if (!validation.valid || !draft.ok) {
        return apiError(c, 422, 'draft_invalid', `cannot cut a revision: ${problemSummary(validation.problems)}`, validation.problems)
      }
      const outsideSchema = schemaProblem(draft.json)
      if (outsideSchema) {
        return apiError(c, 422, 'draft_not_in_schema', `cannot cut a revision: the draft holds content the editor cannot show (${outsideSchema})`)
      }
      try {
        const revision = revisions.cut({ documentId, label: body.value.label, note: body.value.note ?? null, state, content: draft.json, createdBy: c.get('member').id })
        await revisionCut?.(documentId, revision.id)
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
      const comparison = comparisonOf(c.get('document').id, from.version, to.version)
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
      const comparison = comparisonOf(c.get('document').id, from.version, to.version)
      const meta = { title: document.title, symbol: document.symbol, fromLabel: from.version.label, toLabel: to.version.label, date: new Date() }
      const body = format === 'docx' ? await comparisonToDocx(comparison, meta) : comparisonToHtml(comparison, meta)
      return download(c, body, format, fileName([document.symbol ?? document.title, 'redline', from.version.label, 'to', to.version.label], format))
    })
    .get('/:id/export', allowOnDocument('document.export'), async (c) => {
      const format = (c.req.query('format') ?? 'docx') as ExportFormat
      if (!exportFormats.includes(format)) return apiError(c, 400, 'invalid_query', `format must be one of: ${exportFormats.join(', ')}`)
      const working = c.req.query('working') === '1' || c.req.query('working') === 'true'
      const found = await version(c, c.req.query('revision'), 'revision')
      if (!found.ok) return found.response
      const { content, revision, date } = found.version
      const validation = validateDraft(content, catalogue())
      if (!working && !validation.valid) {
        return apiError(
          c,
          422,
          'draft_invalid',
          `cannot export for submission: ${problemSummary(validation.problems)}; a working copy (working=1) can still be exported`,
          validation.problems,
        )
      }
      if (!working && !validation.submittable) {
        const { brackets, alternatives } = validation.negotiation
        const left = [brackets > 0 ? `${brackets} bracketed passage${brackets === 1 ? '' : 's'}` : '', alternatives > 0 ? `${alternatives} block${alternatives === 1 ? '' : 's'} of alternatives` : '']
        return apiError(
          c,
          422,
          'draft_under_negotiation',
          `cannot export for submission: ${left.filter(Boolean).join(' and ')} remain${brackets + alternatives === 1 ? 's' : ''} to be settled; a working copy (working=1) prints them`,
          submissionProblems(validation),
        )
      }
      const document = c.get('document')
      const model = toDraftModel(content, catalogue())
      const meta = { title: document.title, symbol: document.symbol, revisionLabel: revision?.label ?? null, date, working }
      const covered = coverage(model, catalogue())
      const body =
        format === 'docx'
          ? await draftToDocx(model, meta, covered)
          : format === 'md'
            ? draftToMarkdown(model, meta, covered)
            : format === 'html'
              ? draftToHtml(model, meta, covered)
              : draftToPlainText(model, meta, covered)
      return download(c, body, format, fileName([document.symbol ?? document.title, revision?.label, working ? 'working copy' : null], format))
    })
}
