/** The secretariat's members page (a lazy chunk): who the members are, invite links, revocation. Others are told it is not theirs. */
import { useRef, useState } from 'react'
import { ApiError } from '../api/http.ts'
import { listMembers } from '../api/members.ts'
import type { SignedInMember, WorkspaceSummary } from '../api/types.ts'
import { listWorkspaces } from '../api/workspaces.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { t, tx } from '../i18n/i18n.ts'
import { InviteMemberForm } from './InviteMemberForm.tsx'
import { CurrentMembersTable } from './CurrentMembersTable.tsx'
import { RevokedMembersTable } from './RevokedMembersTable.tsx'
import { splitMembers } from './memberLists.ts'
import '../styles/members.css'

export default function MembersPage({ member }: { member: SignedInMember }) {
  if (!member.permissions.manageMembers) return <NotForYou />
  return <ManageMembers member={member} />
}

function NotForYou() {
  return (
    <section className="narrow" aria-labelledby="members-heading">
      <h1 id="members-heading">{t('members.heading')}</h1>
      <div className="notice" role="note" data-testid="members-forbidden">
        <p>{tx('members.notForYou', { b: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>
          <a href="#/">{t('members.backToWorkspaces')}</a>
        </p>
      </div>
    </section>
  )
}

function ManageMembers({ member }: { member: SignedInMember }) {
  const [loaded, reload] = useLoad(() => Promise.all([listMembers(), listWorkspaces()]), [])
  const nameInput = useRef<HTMLInputElement>(null)
  const [done, setDone] = useState<string | null>(null)
  const changed = (sentence: string) => {
    setDone(sentence)
    reload()
  }
  if (loaded.status === 'failed' && loaded.error instanceof ApiError && loaded.error.status === 403) return <NotForYou />
  return (
    <section aria-labelledby="members-heading" className="members-page">
      <div className="members-title-row">
        <div>
          <h1 id="members-heading">{t('members.heading')}</h1>
          <p className="lede">{t('members.lede')}</p>
        </div>
        <button
          type="button"
          onClick={() => {
            nameInput.current?.scrollIntoView({ block: 'center' })
            nameInput.current?.focus()
          }}
        >
          {t('members.inviteMember')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {done && (
          <p className="notice" data-testid="members-done">
            {done}
          </p>
        )}
      </div>
      <LoadState loaded={loaded} what={t('members.theMembers')} retry={reload}>
        {([members, workspaces]) => {
          const { current, revoked } = splitMembers(members)
          const titles = workspaceTitles(workspaces)
          return (
            <>
              <CurrentMembersTable members={current} self={member} workspaceTitles={titles} onChange={changed} />
              {revoked.length > 0 && <RevokedMembersTable members={revoked} />}
            </>
          )
        }}
      </LoadState>
      <InviteMemberForm
        onInvited={() => {
          setDone(null)
          reload()
        }}
        nameInput={nameInput}
        workspaces={loaded.status === 'ready' ? loaded.value[1] : []}
      />
    </section>
  )
}

function workspaceTitles(workspaces: WorkspaceSummary[]): Record<string, string> {
  return Object.fromEntries(workspaces.map((workspace) => [workspace.id, workspace.title]))
}
