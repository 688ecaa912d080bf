/** `/api/documents/:id/revisions`, `/compare` and `/export`: cut, list, open and restore revisions; compare; export. */
import { Hono, type Context } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { CutRevision, exportExtensions, type ExportFormat, exportFormats } from '../../shared/schema/api.ts'
import { RestoreAnswer } from '../../shared/schema/history.ts'
import { ComparisonResult, RevisionAnswer, RevisionDetail, RevisionList, type RevisionRestored } from '../../shared/schema/revision.ts'
import { formatNewYork } from '../../shared/time/unTime.ts'
import type { AcceptedChange } from '../../shared/compare/proposalCredits.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { currentTextLabel } from '../export/exportMeta.ts'
import { downloadFileName } from '../export/fileName.ts'
import type { TextRestorer } from '../history/restoreText.ts'
import type { SnapshotStore } from '../history/snapshotStore.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import type { DraftSource } from '../heavy/tasks.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import type { Revision, RevisionStore, RevisionSummary } from '../revisions/revisionStore.ts'
import { allowOnDocument } from './documentScope.ts'

export interface RevisionRouteDeps {
  revisions: RevisionStore
  /** The history's snapshots: `snapshot:<id>` names one wherever a version is asked for (compare, export). */
  snapshots: SnapshotStore
  /** Restores a past text, keeping the one it replaces in the history first. */
  restore: TextRestorer
  events: DocumentEvents
  /** Validation, export and comparison, on the worker pool. */
  heavy: HeavyWork
  /** Told of each revision cut, before anyone hears of it (the proposals open then are recorded with it). */
  revisionCut?: (documentId: string, revisionId: number) => Promise<void> | void
  /** The proposals accepted between two moments, so a comparison names who proposed its changes. */
  acceptedProposals?: (documentId: string, after: number, until: number) => Promise<AcceptedChange[]>
  /**
   * The revision adopted under silence, while the document stands adopted or submitted: what the export for submission
   * prints, whatever was typed in the text since. Null otherwise.
   */
  adoptedRevision?: (documentId: string) => Promise<number | null>
}

/** One side of a comparison or an export: a revision, or the current text when `revision` is null. */
interface Version {
  revision: RevisionSummary | null
  label: string
  /** The stored current text, or the revision's JSON: read into a draft on the worker pool. */
  source: DraftSource
  date: Date
}

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  akn: 'application/xml; charset=utf-8',
}

function download(c: Context<AppEnv>, body: string | Uint8Array, format: ExportFormat, name: string) {
  c.header('content-type', contentTypes[format])
  c.header('content-disposition', `attachment; filename="${name}"`)
  c.header('cache-control', 'no-store')
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>))
}

/** Under the document scope (`documentRoutesScoped`). */
export function revisionRoutes({ revisions, snapshots, restore, events, heavy, revisionCut, acceptedProposals, adoptedRevision }: RevisionRouteDeps) {
  /** The accepted proposals behind the changes between two versions, so a comparison names who proposed them. */
  const acceptedBetween = async (documentId: string, from: Version, to: Version): Promise<AcceptedChange[]> => {
    const [early, late] = [from.date.getTime(), to.date.getTime()].sort((a, b) => a - b)
    return (await acceptedProposals?.(documentId, early, late)) ?? []
  }
  /** The revision `raw` names, of the scoped document; 404 (`what` says which parameter named it) otherwise. */
  const revisionOf = async (c: Context<AppEnv>, raw: string | undefined, what = ''): Promise<Revision> => {
    const id = raw && /^\d{1,12}$/.test(raw) ? Number(raw) : null
    const revision = id === null ? null : await revisions.get(c.get('document').id, id)
    if (!revision) throw new ApiError(404, 'revision_not_found', `${what}there is no revision "${raw}" of this document`)
    return revision
  }
  const summaryOf = ({ content: _content, state: _state, ...summary }: Revision): RevisionSummary => summary

  /** `current`, a revision id or `snapshot:<id>`, as named by a query parameter. */
  const version = async (c: Context<AppEnv>, raw: string | undefined, name: string): Promise<Version> => {
    if (raw === undefined || raw === 'current') {
      return { revision: null, label: currentTextLabel, source: await heavy.current(c.get('document').id), date: new Date() }
    }
    if (raw.startsWith('snapshot:')) {
      const id = raw.slice('snapshot:'.length)
      const snapshot = /^\d{1,12}$/.test(id) ? await snapshots.get(c.get('document').id, Number(id)) : null
      if (!snapshot) throw new ApiError(404, 'snapshot_not_found', `${name}: there is no snapshot "${id}" of this document`)
      return { revision: null, label: `Snapshot of ${formatNewYork(snapshot.createdAt)}`, source: { content: snapshot.content }, date: new Date(snapshot.createdAt) }
    }
    const revision = await revisionOf(c, raw, `${name}: `)
    return { revision: summaryOf(revision), label: revision.label, source: { content: revision.content }, date: new Date(revision.createdAt) }
  }

  return new Hono<AppEnv>()
    .get('/:id/revisions', allowOnDocument('revision.read'), async (c) => reply(c, RevisionList, { revisions: await revisions.list(c.get('document').id) }))
    .post('/:id/revisions', allowOnDocument('revision.cut'), async (c) => {
      const { label, note } = await parseJson(c, CutRevision)
      const documentId = c.get('document').id
      const draft = await heavy.prepareRevision(documentId, c.get('member').id)
      if (!draft.ok) throw new ApiError(422, draft.code, draft.message, draft.problems?.problems)
      const revision = await revisions.cut({ documentId, label, note: note ?? null, state: draft.state, content: draft.content, createdBy: c.get('member').id })
      await revisionCut?.(documentId, revision.id)
      events.publish(documentId, 'revision', revision)
      return reply(c, RevisionAnswer, { revision }, 201)
    })
    .get('/:id/revisions/:revisionId', allowOnDocument('revision.read'), async (c) => {
      const revision = await revisionOf(c, c.req.param('revisionId'))
      return reply(c, RevisionDetail, { revision: summaryOf(revision), content: revision.content })
    })
    .post('/:id/revisions/:revisionId/restore', allowOnDocument('revision.restore'), async (c) => {
      const documentId = c.get('document').id
      const revision = await revisionOf(c, c.req.param('revisionId'))
      const { saved } = await restore({ documentId, member: c.get('member'), content: revision.content, kind: 'revision' })
      const summary = summaryOf(revision)
      events.publish(documentId, 'restored', { revision: summary, by: c.get('member').name } satisfies RevisionRestored)
      return reply(c, RestoreAnswer, { revision: summary, snapshot: null, saved })
    })
    .get('/:id/compare', allowOnDocument('revision.read'), async (c) => {
      const from = await version(c, c.req.query('from'), 'from')
      const to = await version(c, c.req.query('to'), 'to')
      const comparison = await heavy.compare({ from: from.source, to: to.source, accepted: await acceptedBetween(c.get('document').id, from, to) }, c.get('member').id)
      const side = ({ revision, label }: Version) => ({ revision, label })
      return reply(c, ComparisonResult, { from: side(from), to: side(to), comparison })
    })
    .get('/:id/compare/export', allowOnDocument('document.export'), async (c) => {
      const format = c.req.query('format') ?? 'docx'
      if (format !== 'docx' && format !== 'html') throw new ApiError(400, 'invalid_query', 'format must be docx or html for a redline')
      const from = await version(c, c.req.query('from'), 'from')
      const to = await version(c, c.req.query('to'), 'to')
      const document = c.get('document')
      const meta = { title: document.title, symbol: document.symbol, fromLabel: from.label, toLabel: to.label, date: new Date() }
      const { body } = await heavy.exportComparison({ from: from.source, to: to.source, accepted: await acceptedBetween(document.id, from, to), format, meta }, c.get('member').id)
      return download(c, body, format, downloadFileName([document.symbol ?? document.title, 'redline', from.label, 'to', to.label], format))
    })
    .get('/:id/export', allowOnDocument('document.export'), async (c) => {
      const format = (c.req.query('format') ?? 'docx') as ExportFormat
      if (!exportFormats.includes(format)) throw new ApiError(400, 'invalid_query', `format must be one of: ${exportFormats.join(', ')}`)
      const working = c.req.query('working') === '1' || c.req.query('working') === 'true'
      // For submission, an adopted document is its adopted revision: the text the delegations did not object to.
      const adopted = working || c.req.query('revision') !== undefined ? null : ((await adoptedRevision?.(c.get('document').id)) ?? null)
      const { source, revision, label, date } = await version(c, adopted !== null ? String(adopted) : c.req.query('revision'), 'revision')
      // A revision goes by its label, a snapshot by its time; the current text by none.
      const versionLabel = revision?.label ?? (label === currentTextLabel ? null : label)
      const document = c.get('document')
      const { symbol, distribution, bodyName, session, agendaItem, originalLanguage } = document
      const meta = {
        title: document.title,
        kind: document.kind,
        ...{ symbol, distribution, bodyName, session, agendaItem, originalLanguage },
        revisionLabel: versionLabel,
        date,
        workDate: new Date(document.createdAt),
        working,
      }
      const { body } = await heavy.exportDraft({ source, format, meta }, c.get('member').id)
      return download(c, body, format, downloadFileName([document.symbol ?? document.title, versionLabel, working ? 'working copy' : null], exportExtensions[format]))
    })
}
