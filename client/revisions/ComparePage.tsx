/** Two versions compared (a lazy page): choose them, read the redline and the recommendation changes, download the redline. */
import { getDocument } from '../api/documents.ts'
import { compareVersions, listRevisions, redlineExportUrl, type ComparisonSide, type RedlineFormat, type RevisionSummary, type VersionRef } from '../api/revisions.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { parseVersionRef, routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { t, tx } from '../i18n/i18n.ts'
import { DocumentHeading } from './DocumentHeading.tsx'
import { documentDirection } from './documentText.ts'
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
    <LoadState loaded={loaded} what={t('revisions.loadingWhatDocumentRevisions')} retry={reload}>
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
      <DocumentHeading detail={detail} here={t('revisions.compareVersions')}>
        <h1>{t('revisions.compareVersions')}</h1>
        <p className="lede" translate="no" dir="auto">
          {detail.document.title}
        </p>
      </DocumentHeading>
      {!pair ? (
        <div className="notice">
          <p>{t('revisions.compareNeedsRevision')}</p>
          <a href={routeHref({ page: 'document', documentId })}>{t('revisions.backToDocument')}</a>
        </div>
      ) : (
        <>
          <form className="compare-choice" onSubmit={(event) => event.preventDefault()} aria-label={t('revisions.versionsToCompare')}>
            <VersionSelect label={t('revisions.fromEarlier')} name="from" value={pair.from} revisions={revisions} onChange={(value) => choose({ from: value, to: pair.to })} />
            <button type="button" className="button-quiet swap" onClick={() => choose({ from: pair.to, to: pair.from })} aria-label={t('revisions.swapVersions')}>
              ⇄
            </button>
            <VersionSelect label={t('revisions.toLater')} name="to" value={pair.to} revisions={revisions} onChange={(value) => choose({ from: pair.from, to: value })} />
          </form>
          {pair.from === pair.to ? (
            <p className="notice">{t('revisions.chooseTwoVersions')}</p>
          ) : (
            <ComparisonView detail={detail} revisions={revisions} from={pair.from} to={pair.to} />
          )}
        </>
      )}
    </div>
  )
}

/** A side of the comparison as the interface names it: a revision by its label, the current text in the reader's language. */
function sideLabel(side: ComparisonSide): string {
  return side.revision ? side.label : t('revisions.currentText')
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
            {t('revisions.labelAndDate', { label: revision.label, when: formatWhen(revision.createdAt) })}
          </option>
        ))}
        {!known && <option value={String(value)}>{t('revisions.revisionNotFound', { id: value })}</option>}
        <option value="current">{t('revisions.currentText')}</option>
      </select>
    </label>
  )
}

function ComparisonView({ detail, revisions, from, to }: { detail: DocumentDetail; revisions: RevisionSummary[]; from: VersionRef; to: VersionRef }) {
  const documentId = detail.document.id
  const [loaded, reload] = useLoad(() => compareVersions(documentId, from, to), [documentId, from, to])
  const [download, start] = useDownload()
  // The file's name, like its content, follows the document's form, not the interface's language.
  const fromFileLabel = versionLabel(from, revisions)
  const toFileLabel = versionLabel(to, revisions)

  const downloadRedline = (format: RedlineFormat) =>
    start(
      redlineExportUrl(documentId, from, to, format),
      exportFileName(detail.document.symbol ?? detail.document.title, format, { versionLabel: `redline ${fromFileLabel} to ${toFileLabel}` }),
    )

  return (
    <LoadState loaded={loaded} what="the comparison" retry={reload}>
      {({ from: fromSide, to: toSide, comparison }) => (
        <>
          <div className="compare-toolbar">
            <p className="compare-summary" role="status">
              <strong>
                {tx('revisions.fromTo', {
                  from: (
                    <bdi key="from" translate="no">
                      {sideLabel(fromSide)}
                    </bdi>
                  ),
                  to: (
                    <bdi key="to" translate="no">
                      {sideLabel(toSide)}
                    </bdi>
                  ),
                })}
              </strong>{' '}
              {comparisonSummaryLine(comparison.summary)}
            </p>
            <div className="compare-downloads">
              <button type="button" onClick={() => downloadRedline('docx')} disabled={download.status === 'busy'}>
                {t('revisions.downloadRedlineDocx')}
              </button>
              <button type="button" className="button-quiet" onClick={() => downloadRedline('html')} disabled={download.status === 'busy'}>
                {t('revisions.redlineHtml')}
              </button>
            </div>
          </div>
          {download.status === 'busy' && (
            <p className="loading" role="status">
              {t('revisions.preparingRedline')}
            </p>
          )}
          {download.status === 'done' && (
            <p className="hint" role="status">
              {tx('revisions.downloaded', {
                file: (
                  <bdi key="file" translate="no">
                    {download.fileName}
                  </bdi>
                ),
              })}
            </p>
          )}
          {(download.status === 'failed' || download.status === 'invalid') && (
            <div className="notice notice-error" role="alert">
              <p>{t('revisions.redlineDownloadFailed', { reason: download.message })}</p>
            </div>
          )}
          <p className="redline-legend" aria-hidden="true">
            <ins>{t('revisions.legendInserted')}</ins> <del>{t('revisions.legendDeleted')}</del>{' '}
            <span className="change-tag change-tag-added">{t('revisions.changeAdded')}</span>{' '}
            <span className="change-tag change-tag-removed">{t('revisions.changeRemoved')}</span>
          </p>
          <div className="compare-body">
            <div className="draft-editor redline-page" dir={documentDirection(detail.document.originalLanguage)}>
              <Redline blocks={comparison.blocks} fromLabel={sideLabel(fromSide)} toLabel={sideLabel(toSide)} textLanguage={detail.document.originalLanguage} />
            </div>
            <RecommendationChangesTable changes={comparison.recommendations} fromLabel={sideLabel(fromSide)} toLabel={sideLabel(toSide)} />
          </div>
        </>
      )}
    </LoadState>
  )
}
