/** The page the hash names, for the signed-in member; the document, revision, comparison, members and catalogue pages load lazily. */
import { Suspense, type ReactNode } from 'react'
import type { SignedInMember } from '../api/types.ts'
import { NotFoundPage } from '../pages/NotFoundPage.tsx'
import { WorkspaceListPage } from '../pages/WorkspaceListPage.tsx'
import { WorkspacePage } from '../pages/WorkspacePage.tsx'
import { t } from '../i18n/i18n.ts'
import { lazyScreen } from './lazyScreen.ts'
import type { Route } from './route.ts'
import { ScreenBoundary } from './ScreenBoundary.tsx'

const DocumentPage = lazyScreen(() => import('../pages/DocumentPage.tsx'))
const MembersPage = lazyScreen(() => import('../members/MembersPage.tsx'))
const CataloguePage = lazyScreen(() => import('../catalogue/CataloguePage.tsx'))
const RevisionPage = lazyScreen(() => import('../revisions/RevisionPage.tsx'))
const ComparePage = lazyScreen(() => import('../revisions/ComparePage.tsx'))

function Lazy({ loading, children }: { loading: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {loading}
        </p>
      }
    >
      {children}
    </Suspense>
  )
}

/** The page, inside an error boundary: a page that fails (or cannot be fetched) shows the error in place, never a blank app. */
export function RoutedPage({ route, member }: { route: Route; member: SignedInMember }) {
  return (
    <ScreenBoundary what={t('app.thisPage')} resetKey={window.location.hash}>
      <Page route={route} member={member} />
    </ScreenBoundary>
  )
}

function Page({ route, member }: { route: Route; member: SignedInMember }) {
  switch (route.page) {
    case 'workspaces':
      return <WorkspaceListPage member={member} />
    case 'workspace':
      return <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} />
    case 'document':
      return (
        <Lazy loading={t('app.openingEditor')}>
          <DocumentPage key={route.documentId} documentId={route.documentId} member={member} />
        </Lazy>
      )
    case 'revision':
      return (
        <Lazy loading={t('app.loadingPage')}>
          <RevisionPage key={`${route.documentId}/${route.revisionId}`} documentId={route.documentId} revisionId={route.revisionId} member={member} />
        </Lazy>
      )
    case 'compare':
      return (
        <Lazy loading={t('app.loadingPage')}>
          <ComparePage key={route.documentId} documentId={route.documentId} from={route.from} to={route.to} member={member} />
        </Lazy>
      )
    case 'members':
      return (
        <Lazy loading={t('app.loadingMembers')}>
          <MembersPage member={member} />
        </Lazy>
      )
    case 'catalogue':
      return (
        <Lazy loading={t('app.loadingCatalogue')}>
          <CataloguePage member={member} />
        </Lazy>
      )
    case 'not-found':
      return <NotFoundPage />
  }
}
