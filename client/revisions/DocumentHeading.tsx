/** Breadcrumbs, kicker and title of a page about one document (a revision, a comparison). */
import type { ReactNode } from 'react'
import type { DocumentDetail } from '../api/types.ts'
import { routeHref } from '../app/route.ts'
import { documentKindLabels } from '../pages/documentKindLabels.ts'

export function DocumentHeading({ detail, here, children }: { detail: DocumentDetail; here: string; children: ReactNode }) {
  const { document, workspace } = detail
  return (
    <header className="document-header">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href="#/">Workspaces</a> <span aria-hidden="true">›</span>{' '}
        <a href={routeHref({ page: 'workspace', workspaceId: workspace.id })}>{workspace.title}</a> <span aria-hidden="true">›</span>{' '}
        <a href={routeHref({ page: 'document', documentId: document.id })}>{document.title}</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{here}</span>
      </nav>
      <p className="kicker">
        DTG {workspace.dtg} · {workspace.year} · {documentKindLabels[document.kind]}
        {document.symbol && <span className="symbol"> · {document.symbol}</span>}
      </p>
      {children}
    </header>
  )
}
