/** The secretariat's form to invite a member: name, role, delegation or group, UN regional group, and for a co-facilitator the workspaces they lead. */
import { useState, type FormEvent, type Ref } from 'react'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { inviteMember, type InvitedMember } from '../api/members.ts'
import type { WorkspaceSummary } from '../api/types.ts'
import { t, tx } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { RegionalGroupOptions, RoleOptions } from './MemberFields.tsx'
import { InviteLink } from './InviteLink.tsx'

export function InviteMemberForm({
  onInvited,
  nameInput,
  workspaces,
}: {
  onInvited: (invited: InvitedMember) => void
  nameInput?: Ref<HTMLInputElement>
  /** The workspaces a co-facilitator can be invited to lead. */
  workspaces: readonly WorkspaceSummary[]
}) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('delegation')
  const [delegation, setDelegation] = useState('')
  const [regionalGroup, setRegionalGroup] = useState<RegionalGroup | ''>('')
  const [leads, setLeads] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [invited, setInvited] = useState<InvitedMember | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await inviteMember({
        name: name.trim(),
        role,
        ...(delegation.trim() ? { delegation: delegation.trim() } : {}),
        ...(regionalGroup ? { regionalGroup } : {}),
        ...(role === 'cofacilitator' && leads.length > 0 ? { leads } : {}),
      })
      setInvited(result)
      setName('')
      setDelegation('')
      setRegionalGroup('')
      setLeads([])
      onInvited(result)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="panel-form invite-form" onSubmit={submit} aria-labelledby="invite-member-heading">
      <h2 id="invite-member-heading">{t('members.inviteMember')}</h2>
      {invited && <InviteLink name={invited.member.name} url={invited.inviteUrl} onDismiss={() => setInvited(null)} />}
      <label>
        {t('members.name')}
        <input ref={nameInput} value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoComplete="off" />
      </label>
      <div className="field-row">
        <label>
          {t('members.role')}
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            <RoleOptions />
          </select>
        </label>
        <label>
          <span>{tx('members.delegationOrGroupOptional', { optional: (chunks) => <span className="optional">{chunks}</span> })}</span>
          <input value={delegation} onChange={(event) => setDelegation(event.target.value)} maxLength={200} placeholder={t('members.delegationExample')} />
        </label>
      </div>
      <label>
        {t('members.regionalGroup')}
        <select value={regionalGroup} onChange={(event) => setRegionalGroup(event.target.value as RegionalGroup | '')}>
          <RegionalGroupOptions noneLabel={t('members.regionalGroupNoneInvite')} />
        </select>
      </label>
      <p className="hint">{t('members.regionalGroupHint')}</p>
      {role === 'cofacilitator' && workspaces.length > 0 && (
        <fieldset className="invite-leads">
          <legend>{t('members.workspacesTheyLead')}</legend>
          {workspaces.map((workspace) => (
            <label key={workspace.id} className="choice">
              <input
                type="checkbox"
                checked={leads.includes(workspace.id)}
                onChange={(event) => setLeads((current) => (event.target.checked ? [...current, workspace.id] : current.filter((id) => id !== workspace.id)))}
              />
              <span translate="no" dir="auto">
                {workspace.title}
              </span>
            </label>
          ))}
          <p className="hint">{t('members.leadsHint')}</p>
        </fieldset>
      )}
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('members.inviting') : t('members.inviteSubmit')}
      </button>
    </form>
  )
}
