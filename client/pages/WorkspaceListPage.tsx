/** The DTG workspaces the member can see, and for the secretariat a form to set up a new one. */
import { listWorkspaces } from '../api/workspaces.ts'
import type { SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx'

export function WorkspaceListPage({ member }: { member: SignedInMember }) {
  const [workspaces, reload] = useLoad(listWorkspaces, [])
  return (
    <section aria-labelledby="workspaces-heading">
      <h1 id="workspaces-heading">Workspaces</h1>
      <p className="lede">Each workspace holds the drafts of one Dedicated Thematic Group in one year of the cycle.</p>
      <LoadState loaded={workspaces} what="the workspaces" retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>No workspaces yet.</p>
          ) : (
            <ul className="card-list">
              {list.map((workspace) => (
                <li key={workspace.id} className="card">
                  <a href={routeHref({ page: 'workspace', workspaceId: workspace.id })}>
                    <span className="card-kicker">
                      DTG {workspace.dtg} · {workspace.year}
                    </span>
                    <span className="card-title">{workspace.title}</span>
                    <span className="card-meta">
                      {workspace.documentCount} {workspace.documentCount === 1 ? 'document' : 'documents'}
                    </span>
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
