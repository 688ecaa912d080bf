/** One workspace: its documents, and a form to start a new one for those who may. */
import { dateOnly } from '../app/dates.ts'
import { getWorkspace } from '../api/workspaces.ts'
import { LoadState } from '../app/LoadState.tsx'
import { routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { CofacilitatorsSection } from '../members/CofacilitatorsSection.tsx'
import { ParticipationChart } from '../participation/ParticipationChart.tsx'
import { CreateDocumentForm } from './CreateDocumentForm.tsx'
import { DtgContextSection } from './DtgContextSection.tsx'
import { t } from '../i18n/i18n.ts'
import { documentKindLabel } from './documentKindLabels.ts'

function formatDate(value: number): string {
  return dateOnly(value)
}

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const [detail, reload] = useLoad(() => getWorkspace(workspaceId), [workspaceId])
  return (
    <LoadState loaded={detail} what={t('pages.loadWhatWorkspace')} retry={reload}>
      {({ workspace, documents, cofacilitators, permissions }) => (
        <section aria-labelledby="workspace-heading">
          <nav className="breadcrumbs" aria-label={t('pages.breadcrumbs')}>
            <a href="#/">{t('pages.workspaces')}</a> <span className="breadcrumb-separator" aria-hidden="true">›</span>{' '}
            <span translate="no" dir="auto">
              {workspace.title}
            </span>
          </nav>
          <p className="kicker">{t('pages.dtgAndYear', { dtg: workspace.dtg, year: String(workspace.year) })}</p>
          <h1 id="workspace-heading" translate="no" dir="auto">
            {workspace.title}
          </h1>
          <DtgContextSection dtg={workspace.dtg} year={workspace.year} />
          <CofacilitatorsSection workspaceId={workspace.id} initial={cofacilitators} manage={permissions.assignCofacilitators} />
          <h2>{t('pages.documents')}</h2>
          {documents.length === 0 ? (
            <p>{t('pages.noDocuments')}</p>
          ) : (
            <div className="table-scroll">
              <table className="document-table">
                <thead>
                  <tr>
                    <th scope="col">{t('pages.columnTitle')}</th>
                    <th scope="col">{t('pages.columnKind')}</th>
                    <th scope="col">{t('pages.columnSymbol')}</th>
                    <th scope="col">{t('pages.columnCreated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {documents.map((document) => (
                    <tr key={document.id}>
                      <td>
                        <a href={routeHref({ page: 'document', documentId: document.id })} translate="no" lang={document.originalLanguage} dir="auto">
                          {document.title}
                        </a>
                      </td>
                      <td>{documentKindLabel(document.kind)}</td>
                      <td className="symbol" translate="no">
                        {document.symbol ? <bdi dir="ltr">{document.symbol}</bdi> : '—'}
                      </td>
                      <td>{formatDate(document.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {permissions.createDocument && <CreateDocumentForm workspaceId={workspace.id} dtg={workspace.dtg} onCreated={reload} />}
          <ParticipationChart workspaceId={workspace.id} />
        </section>
      )}
    </LoadState>
  )
}
