/** The DTG workspaces the member can see, and for the secretariat a form to set up a new one. */
import { listWorkspaces } from '../api/workspaces.ts'
import type { SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { t } from '../i18n/i18n.ts'
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx'

export function WorkspaceListPage({ member }: { member: SignedInMember }) {
  const [workspaces, reload] = useLoad(listWorkspaces, [])
  return (
    <section aria-labelledby="workspaces-heading">
      <h1 id="workspaces-heading">{t('pages.workspaces')}</h1>
      <p className="lede">{t('pages.workspacesLede')}</p>
      <LoadState loaded={workspaces} what={t('pages.loadWhatWorkspaces')} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('pages.noWorkspaces')}</p>
          ) : (
            <ul className="card-list">
              {list.map((workspace) => (
                <li key={workspace.id} className="card">
                  <a href={routeHref({ page: 'workspace', workspaceId: workspace.id })}>
                    <span className="card-kicker">{t('pages.dtgAndYear', { dtg: workspace.dtg, year: String(workspace.year) })}</span>
                    <span className="card-title" translate="no" dir="auto">
                      {workspace.title}
                    </span>
                    <span className="card-meta">{t('pages.documentCount', { count: workspace.documentCount })}</span>
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      {member.permissions.createWorkspace && <CreateWorkspaceForm onCreated={reload} />}
    </section>
  )
}
