/** Two versions compared (a lazy page): choose them, read the redline and the recommendation changes, download the redline. */
import { getDocument } from '../api/documents.ts'
import { compareVersions, listRevisions, redlineExportUrl, type RedlineFormat, type RevisionSummary, type VersionRef } from '../api/revisions.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { parseVersionRef, routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { DocumentHeading } from './DocumentHeading.tsx'
import { RecommendationChangesTable } from './RecommendationChangesTable.tsx'
import { Redline } from './Redline.tsx'
import { comparisonSummaryLine } from './redlineView.ts'
import { comparisonPair, exportFileName, formatWhen, versionLabel } from './revisionText.ts'
import { useDownload } from './useDownload.ts'
import '../styles/document.css'
import '../styles/editor.css'
import '../styles/revisions.css'

export default function ComparePage({ documentId, from, to }: { documentId: string; from: VersionRef | null; to: VersionRef | null; member: SignedInMember }) {
  const [loaded, reload] = useLoad(() => Promise.all([getDocument(documentId), listRevisions(documentId)]), [documentId])
  return (
    <LoadState loaded={loaded} what="the document's revisions" retry={reload}>
      {([detail, revisions]) => <CompareView detail={detail} revisions={revisions} from={from} to={to} />}
    </LoadState>
  )
}

function CompareView({ detail, revisions, from, to }: { detail: DocumentDetail; revisions: RevisionSummary[]; from: VersionRef | null; to: VersionRef | null }) {
  const documentId = detail.document.id
  const pair = comparisonPair(revisions, from, to)

  const choose = (next: { from: VersionRef; to: VersionRef }) => {
    window.location.hash = routeHref({ page: 'compare', documentId, ...next })
  }

  return (
    <div className="document-layout compare-view">
      <DocumentHeading detail={detail} here="Compare versions">
        <h1>Compare versions</h1>
        <p className="lede">{detail.document.title}</p>
      </DocumentHeading>
      {!pair ? (
        <div className="notice">
          <p>This document has no revisions yet. A comparison needs at least one revision to compare the current text with.</p>
          <a href={routeHref({ page: 'document', documentId })}>Back to the document</a>
        </div>
      ) : (
        <>
          <form className="compare-choice" onSubmit={(event) => event.preventDefault()} aria-label="Versions to compare">
            <VersionSelect label="From (earlier)" name="from" value={pair.from} revisions={revisions} onChange={(value) => choose({ from: value, to: pair.to })} />
            <button type="button" className="button-quiet swap" onClick={() => choose({ from: pair.to, to: pair.from })} aria-label="Swap the two versions">
              ⇄
            </button>
            <VersionSelect label="To (later)" name="to" value={pair.to} revisions={revisions} onChange={(value) => choose({ from: pair.from, to: value })} />
          </form>
          {pair.from === pair.to ? (
            <p className="notice">Choose two different versions to compare.</p>
          ) : (
            <ComparisonView detail={detail} revisions={revisions} from={pair.from} to={pair.to} />
          )}
        </>
      )}
    </div>
  )
}

function VersionSelect({
  label,
  name,
  value,
  revisions,
  onChange,
}: {
  label: string
  name: string
  value: VersionRef
  revisions: RevisionSummary[]
  onChange: (value: VersionRef) => void
}) {
  const known = value === 'current' || revisions.some((revision) => revision.id === value)
  return (
    <label>
      {label}
      <select
        name={name}
        value={String(value)}
        onChange={(event) => {
          const chosen = parseVersionRef(event.target.value)
          if (chosen !== null) onChange(chosen)
        }}
      >
        {revisions.map((revision) => (
          <option key={revision.id} value={String(revision.id)}>
            {revision.label} ({formatWhen(revision.createdAt)})
          </option>
        ))}
        {!known && <option value={String(value)}>Revision {value} (not found)</option>}
        <option value="current">Current text</option>
      </select>
    </label>
  )
}

function ComparisonView({ detail, revisions, from, to }: { detail: DocumentDetail; revisions: RevisionSummary[]; from: VersionRef; to: VersionRef }) {
  const documentId = detail.document.id
  const [loaded, reload] = useLoad(() => compareVersions(documentId, from, to), [documentId, from, to])
  const [download, start] = useDownload()
  const fromLabel = versionLabel(from, revisions)
  const toLabel = versionLabel(to, revisions)

  const downloadRedline = (format: RedlineFormat) =>
    start(
      redlineExportUrl(documentId, from, to, format),
      exportFileName(detail.document.symbol ?? detail.document.title, format, { versionLabel: `redline ${fromLabel} to ${toLabel}` }),
    )

  return (
    <LoadState loaded={loaded} what="the comparison" retry={reload}>
      {({ from: fromSide, to: toSide, comparison }) => (
        <>
          <div className="compare-toolbar">
            <p className="compare-summary" role="status">
              <strong>
                {fromSide.label} → {toSide.label}.
              </strong>{' '}
              {comparisonSummaryLine(comparison.summary)}
            </p>
            <div className="compare-downloads">
              <button type="button" onClick={() => downloadRedline('docx')} disabled={download.status === 'busy'}>
                Download redline (DOCX)
              </button>
              <button type="button" className="button-quiet" onClick={() => downloadRedline('html')} disabled={download.status === 'busy'}>
                Redline (HTML)
              </button>
            </div>
          </div>
          {download.status === 'busy' && (
            <p className="loading" role="status">
              Preparing the redline…
            </p>
          )}
          {download.status === 'done' && (
            <p className="hint" role="status">
              Downloaded {download.fileName}.
            </p>
          )}
          {(download.status === 'failed' || download.status === 'invalid') && (
            <div className="notice notice-error" role="alert">
              <p>The redline could not be downloaded: {download.message}</p>
            </div>
          )}
          <p className="redline-legend" aria-hidden="true">
            <ins>inserted</ins> <del>deleted</del> <span className="change-tag change-tag-added">Added</span>{' '}
            <span className="change-tag change-tag-removed">Removed</span>
          </p>
          <div className="compare-body">
            <div className="draft-editor redline-page">
              <Redline blocks={comparison.blocks} fromLabel={fromSide.label} toLabel={toSide.label} />
            </div>
            <RecommendationChangesTable changes={comparison.recommendations} fromLabel={fromSide.label} toLabel={toSide.label} />
          </div>
        </>
      )}
    </LoadState>
  )
}
