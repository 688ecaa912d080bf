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
import { documentKindLabels } from './documentKindLabels.ts'

function formatDate(value: number): string {
  return dateOnly(value)
}

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const [detail, reload] = useLoad(() => getWorkspace(workspaceId), [workspaceId])
  return (
    <LoadState loaded={detail} what="the workspace" retry={reload}>
      {({ workspace, documents, cofacilitators, permissions }) => (
        <section aria-labelledby="workspace-heading">
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            <a href="#/">Workspaces</a> <span aria-hidden="true">›</span> <span>{workspace.title}</span>
          </nav>
          <p className="kicker">
            DTG {workspace.dtg} · {workspace.year}
          </p>
          <h1 id="workspace-heading">{workspace.title}</h1>
          <DtgContextSection dtg={workspace.dtg} year={workspace.year} />
          <CofacilitatorsSection workspaceId={workspace.id} initial={cofacilitators} manage={permissions.assignCofacilitators} />
          <h2>Documents</h2>
          {documents.length === 0 ? (
            <p>No documents yet.</p>
          ) : (
            <table className="document-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr key={document.id}>
                    <td>
                      <a href={routeHref({ page: 'document', documentId: document.id })}>{document.title}</a>
                    </td>
                    <td>{documentKindLabels[document.kind]}</td>
                    <td className="symbol">{document.symbol ?? '—'}</td>
                    <td>{formatDate(document.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {permissions.createDocument && <CreateDocumentForm workspaceId={workspace.id} dtg={workspace.dtg} onCreated={reload} />}
          <ParticipationChart workspaceId={workspace.id} />
        </section>
      )}
    </LoadState>
  )
}
