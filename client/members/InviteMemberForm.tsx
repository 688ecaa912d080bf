/** The secretariat's form to invite a member: name, role, delegation or group, UN regional group. */
import { useState, type FormEvent, type Ref } from 'react'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { inviteMember, type InvitedMember } from '../api/members.ts'
import { FormError } from '../pages/FormError.tsx'
import { RegionalGroupOptions, RoleOptions } from './MemberFields.tsx'
import { InviteLink } from './InviteLink.tsx'

export function InviteMemberForm({ onInvited, nameInput }: { onInvited: (invited: InvitedMember) => void; nameInput?: Ref<HTMLInputElement> }) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('delegation')
  const [delegation, setDelegation] = useState('')
  const [regionalGroup, setRegionalGroup] = useState<RegionalGroup | ''>('')
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
      })
      setInvited(result)
      setName('')
      setDelegation('')
      setRegionalGroup('')
      onInvited(result)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="panel-form invite-form" onSubmit={submit} aria-labelledby="invite-member-heading">
      <h2 id="invite-member-heading">Invite a member</h2>
      {invited && <InviteLink name={invited.member.name} url={invited.inviteUrl} onDismiss={() => setInvited(null)} />}
      <label>
        Name
        <input ref={nameInput} value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoComplete="off" />
      </label>
      <div className="field-row">
        <label>
          Role
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            <RoleOptions />
          </select>
        </label>
        <label>
          <span>
            Delegation or group <span className="optional">(optional)</span>
          </span>
          <input value={delegation} onChange={(event) => setDelegation(event.target.value)} maxLength={200} placeholder="e.g. Kenya, European Union, ICT4Peace" />
        </label>
      </div>
      <label>
        Regional group
        <select value={regionalGroup} onChange={(event) => setRegionalGroup(event.target.value as RegionalGroup | '')}>
          <RegionalGroupOptions noneLabel="None (secretariat, stakeholders, groups of States)" />
        </select>
      </label>
      <p className="hint">The regional group counts the member's comments and edits in the participation chart of each workspace.</p>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite member'}
      </button>
    </form>
  )
}
