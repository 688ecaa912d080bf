/** The members table (with editing of role and details, a new sign-in link and revocation per member) and the revoked members, apart and struck through. */
import { Fragment, useRef, useState } from 'react'
import { regionalGroupLabels } from '../../shared/schema/member.ts'
import { newInviteLink, revokeMember, type MemberRecord } from '../api/members.ts'
import type { SignedInMember } from '../api/types.ts'
import { roleLabels } from '../app/roleLabels.ts'
import { routeHref } from '../app/route.ts'
import { FormError } from '../pages/FormError.tsx'
import { EditMemberForm } from './EditMemberForm.tsx'
import { InviteLink } from './InviteLink.tsx'

type RowPanel = { memberId: number; kind: 'link'; url: string } | { memberId: number; kind: 'revoke' } | { memberId: number; kind: 'edit' } | null

function formatDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

const columns = 7

export function CurrentMembersTable({
  members,
  self,
  workspaceTitles,
  onChange,
}: {
  members: MemberRecord[]
  self: SignedInMember
  workspaceTitles: Record<string, string>
  /** After a change to the list, with a sentence saying what changed. */
  onChange: (done: string) => void
}) {
  const [panel, setPanel] = useState<RowPanel>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<{ memberId: number; error: unknown } | null>(null)
  const editButtons = useRef(new Map<number, HTMLButtonElement>())

  const closeEdit = (memberId: number) => {
    setPanel(null)
    editButtons.current.get(memberId)?.focus()
  }

  const act = async (memberId: number, action: () => Promise<void>) => {
    setBusy(memberId)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError({ memberId, error: caught })
    } finally {
      setBusy(null)
    }
  }

  const makeLink = (memberId: number) =>
    act(memberId, async () => {
      setPanel(null)
      setPanel({ memberId, kind: 'link', url: await newInviteLink(memberId) })
    })

  const revoke = (memberId: number) =>
    act(memberId, async () => {
      const revoked = await revokeMember(memberId)
      setPanel(null)
      onChange(`${revoked.name}'s access is revoked: their connections are closed and their sign-in links, sessions and tokens no longer work.`)
    })

  if (members.length === 0) return <p>No current members.</p>
  return (
    <table className="members-table" aria-label="Current members">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Delegation or group</th>
          <th scope="col">Regional group</th>
          <th scope="col">Co-facilitates</th>
          <th scope="col">Member since</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((entry) => {
          const isSelf = entry.id === self.id
          const open = panel?.memberId === entry.id ? panel : null
          const failure = error?.memberId === entry.id ? error.error : null
          return (
            <Fragment key={entry.id}>
              <tr className="member-row" data-member-id={entry.id}>
                <th scope="row">
                  {entry.name}
                  {isSelf && <span className="member-self"> (you)</span>}
                </th>
                <td>{roleLabels[entry.role]}</td>
                <td>{entry.delegation ?? '—'}</td>
                <td>{entry.regionalGroup ? regionalGroupLabels[entry.regionalGroup] : '—'}</td>
                <td>
                  {entry.leads.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="member-leads">
                      {entry.leads.map((workspaceId) => (
                        <li key={workspaceId}>
                          <a href={routeHref({ page: 'workspace', workspaceId })}>{workspaceTitles[workspaceId] ?? workspaceId}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{formatDate(entry.createdAt)}</td>
                <td className="member-actions">
                  <button
                    type="button"
                    className="button-quiet"
                    ref={(button) => {
                      if (button) editButtons.current.set(entry.id, button)
                      else editButtons.current.delete(entry.id)
                    }}
                    aria-expanded={open?.kind === 'edit'}
                    onClick={() => (open?.kind === 'edit' ? closeEdit(entry.id) : setPanel({ memberId: entry.id, kind: 'edit' }))}
                  >
                    Edit<span className="visually-hidden"> {entry.name}</span>
                  </button>
                  <button type="button" className="button-quiet" disabled={busy === entry.id} onClick={() => makeLink(entry.id)}>
                    New invite link<span className="visually-hidden"> for {entry.name}</span>
                  </button>
                  {!isSelf && (
                    <button
                      type="button"
                      className="button-danger-quiet"
                      disabled={busy === entry.id}
                      aria-expanded={open?.kind === 'revoke'}
                      onClick={() => setPanel(open?.kind === 'revoke' ? null : { memberId: entry.id, kind: 'revoke' })}
                    >
                      Revoke<span className="visually-hidden"> {entry.name}</span>
                    </button>
                  )}
                </td>
              </tr>
              {(open !== null || failure !== null) && (
                <tr className="member-panel-row">
                  <td colSpan={columns}>
                    {open?.kind === 'edit' && (
                      <EditMemberForm
                        member={entry}
                        isSelf={isSelf}
                        workspaceTitles={workspaceTitles}
                        onCancel={() => closeEdit(entry.id)}
                        onSaved={(done) => {
                          setPanel(null)
                          onChange(done)
                        }}
                      />
                    )}
                    {open?.kind === 'link' && <InviteLink name={entry.name} url={open.url} onDismiss={() => setPanel(null)} />}
                    {open?.kind === 'revoke' && (
                      <div className="revoke-confirm" role="group" aria-label={`Revoke ${entry.name}`}>
                        <p>
                          <strong>Revoke {entry.name}'s access?</strong> Their open documents disconnect at once, and their sessions, sign-in links and
                          tokens stop working. Their past edits and comments stay. To let them back in, invite them again under another name.
                        </p>
                        <div className="revoke-buttons">
                          <button type="button" className="button-danger" disabled={busy === entry.id} onClick={() => revoke(entry.id)}>
                            Revoke access
                          </button>
                          <button type="button" className="button-quiet" autoFocus onClick={() => setPanel(null)}>
                            Cancel
                          </button>
                        </div>
                      </div>
                    )}
                    <FormError error={failure} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}

export function RevokedMembersTable({ members }: { members: MemberRecord[] }) {
  return (
    <>
      <h2 id="revoked-heading">Revoked members</h2>
      <p className="hint">They can no longer sign in or connect; what they wrote stays in the documents and their history.</p>
      <table className="members-table members-revoked" aria-labelledby="revoked-heading">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Delegation or group</th>
            <th scope="col">Regional group</th>
            <th scope="col">Member since</th>
            <th scope="col">Revoked</th>
          </tr>
        </thead>
        <tbody>
          {members.map((entry) => (
            <tr key={entry.id} className="member-row is-revoked" data-member-id={entry.id}>
              <th scope="row">
                <s>{entry.name}</s>
              </th>
              <td>{roleLabels[entry.role]}</td>
              <td>{entry.delegation ?? '—'}</td>
              <td>{entry.regionalGroup ? regionalGroupLabels[entry.regionalGroup] : '—'}</td>
              <td>{formatDate(entry.createdAt)}</td>
              <td>{entry.revokedAt !== null ? formatDate(entry.revokedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
