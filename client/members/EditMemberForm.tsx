/** The secretariat's inline form to change a member's role, or correct the delegation or regional group they are listed under. */
import { useState, type FormEvent } from 'react'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { updateMember, type MemberRecord } from '../api/members.ts'
import { formatList, t, tx } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { RegionalGroupOptions, RoleOptions } from './MemberFields.tsx'
import { changeSummary, draftOf, hasChanges, memberChanges } from './memberEdit.ts'

export function EditMemberForm({
  member,
  isSelf,
  workspaceTitles,
  onSaved,
  onCancel,
}: {
  member: MemberRecord
  isSelf: boolean
  workspaceTitles: Record<string, string>
  /** With the sentence saying what changed. */
  onSaved: (done: string) => void
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(() => draftOf(member))
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const changes = memberChanges(member, draft)
  const losesLeads = draft.role === 'stakeholder' && member.role !== 'stakeholder' && member.leads.length > 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!hasChanges(changes)) return
    setBusy(true)
    setError(null)
    try {
      await updateMember(member.id, changes)
      onSaved(changeSummary(member.name, changes))
    } catch (caught) {
      setError(caught)
      setBusy(false)
    }
  }

  return (
    <form
      className="member-edit"
      aria-label={t('members.editNamed', { name: member.name })}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <div className="member-edit-fields">
        <label>
          {t('members.role')}
          <select value={draft.role} autoFocus onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}>
            <RoleOptions />
          </select>
        </label>
        <label>
          {t('members.delegationOrGroup')}
          <input
            value={draft.delegation}
            onChange={(event) => setDraft({ ...draft, delegation: event.target.value })}
            maxLength={200}
            autoComplete="off"
            placeholder={t('members.delegationExample')}
          />
        </label>
        <label>
          {t('members.regionalGroup')}
          <select value={draft.regionalGroup} onChange={(event) => setDraft({ ...draft, regionalGroup: event.target.value as RegionalGroup | '' })}>
            <RegionalGroupOptions noneLabel={member.regionalGroup === null ? t('members.regionalGroupNone') : undefined} />
          </select>
        </label>
      </div>
      <div className="member-edit-hints">
        {isSelf && <p className="hint">{t('members.ownRoleHint')}</p>}
        {changes.role && !isSelf && <p className="hint">{t('members.roleChangeHint', { name: member.name })}</p>}
        {losesLeads && (
          <p className="hint member-edit-warning">
            {tx('members.stakeholderLosesLeads', {
              name: member.name,
              workspaces: (
                <span translate="no" dir="auto">
                  {formatList(member.leads.map((workspaceId) => workspaceTitles[workspaceId] ?? workspaceId))}
                </span>
              ),
            })}
          </p>
        )}
      </div>
      <FormError error={error} />
      <div className="member-edit-buttons">
        <button type="submit" disabled={busy || !hasChanges(changes)}>
          {busy ? t('members.saving') : t('members.saveChanges')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('members.cancel')}
        </button>
      </div>
    </form>
  )
}
