/** The current members, one row each with its actions, and under a row the panel opened from it (edit, new link, revoke). */
import { Fragment, useRef, useState } from 'react'
import { newInviteLink, revokeMember, type MemberRecord } from '../api/members.ts'
import type { SignedInMember } from '../api/types.ts'
import { routeHref } from '../app/route.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { EditMemberForm } from './EditMemberForm.tsx'
import { InviteLink } from './InviteLink.tsx'
import { MemberActions, type RowPanelKind } from './MemberActions.tsx'
import { formatMemberDate } from './memberDate.ts'
import { MemberDetailCells, MemberDetailHeadings } from './MemberDetailCells.tsx'
import { RevokeConfirm } from './RevokeConfirm.tsx'

type RowPanel = { memberId: number; kind: 'link'; url: string } | { memberId: number; kind: Exclude<RowPanelKind, 'link'> } | null

const columns = 7

export interface CurrentMembersTableProps {
  members: MemberRecord[]
  self: SignedInMember
  workspaceTitles: Record<string, string>
  /** After a change to the list, with a sentence saying what changed. */
  onChange: (done: string) => void
}

export function CurrentMembersTable({ members, self, workspaceTitles, onChange }: CurrentMembersTableProps) {
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
      onChange(t('members.revokedDone', { name: revoked.name }))
    })

  if (members.length === 0) return <p>{t('members.noCurrentMembers')}</p>
  return (
    <div className="table-scroll">
      <table className="members-table" aria-label={t('members.currentMembers')}>
        <thead>
          <tr>
            <MemberDetailHeadings />
            <th scope="col">{t('members.columnCofacilitates')}</th>
            <th scope="col">{t('members.columnMemberSince')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.columnActions')}</span>
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
                    <span translate="no" dir="auto">
                      {entry.name}
                    </span>
                    {isSelf && <span className="member-self"> {t('members.you')}</span>}
                  </th>
                  <MemberDetailCells member={entry} />
                  <td>
                    <LeadsList leads={entry.leads} workspaceTitles={workspaceTitles} />
                  </td>
                  <td>{formatMemberDate(entry.createdAt)}</td>
                  <MemberActions
                    member={entry}
                    isSelf={isSelf}
                    busy={busy === entry.id}
                    open={open?.kind ?? null}
                    editButton={(button) => {
                      if (button) editButtons.current.set(entry.id, button)
                      else editButtons.current.delete(entry.id)
                    }}
                    onToggleEdit={() => (open?.kind === 'edit' ? closeEdit(entry.id) : setPanel({ memberId: entry.id, kind: 'edit' }))}
                    onNewLink={() => makeLink(entry.id)}
                    onToggleRevoke={() => setPanel(open?.kind === 'revoke' ? null : { memberId: entry.id, kind: 'revoke' })}
                  />
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
                        <RevokeConfirm name={entry.name} busy={busy === entry.id} onRevoke={() => revoke(entry.id)} onCancel={() => setPanel(null)} />
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
    </div>
  )
}

/** The workspaces a member co-facilitates, each a link to it. */
function LeadsList({ leads, workspaceTitles }: { leads: string[]; workspaceTitles: Record<string, string> }) {
  if (leads.length === 0) return <>—</>
  return (
    <ul className="member-leads">
      {leads.map((workspaceId) => (
        <li key={workspaceId}>
          <a href={routeHref({ page: 'workspace', workspaceId })} translate="no" dir="auto">
            {workspaceTitles[workspaceId] ?? workspaceId}
          </a>
        </li>
      ))}
    </ul>
  )
}
