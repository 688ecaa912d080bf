/** Breadcrumbs, kicker and title of a page about one document (a revision, a comparison). */
import type { ReactNode } from 'react'
import type { DocumentDetail } from '../api/types.ts'
import { routeHref } from '../app/route.ts'
import { t } from '../i18n/i18n.ts'
import { documentKindLabels } from '../pages/documentKindLabels.ts'

/** "›" is mirrored by the bidirectional algorithm itself: it points left in Arabic, between isolated titles. */
const separator = (
  <>
    {' '}
    <span aria-hidden="true">›</span>{' '}
  </>
)

export function DocumentHeading({ detail, here, children }: { detail: DocumentDetail; here: ReactNode; children: ReactNode }) {
  const { document, workspace } = detail
  return (
    <header className="document-header">
      <nav className="breadcrumbs" aria-label={t('revisions.breadcrumbs')}>
        <a href="#/">{t('revisions.workspaces')}</a>
        {separator}
        <a href={routeHref({ page: 'workspace', workspaceId: workspace.id })} translate="no" dir="auto">
          {workspace.title}
        </a>
        {separator}
        <a href={routeHref({ page: 'document', documentId: document.id })} translate="no" dir="auto">
          {document.title}
        </a>
        {separator}
        <span aria-current="page">{here}</span>
      </nav>
      <p className="kicker">
        {t('revisions.kicker', { dtg: workspace.dtg, year: String(workspace.year), kind: documentKindLabels[document.kind] })}
        {document.symbol && (
          <>
            {' · '}
            <bdi className="symbol" dir="ltr" translate="no">
              {document.symbol}
            </bdi>
          </>
        )}
      </p>
      {children}
    </header>
  )
}
