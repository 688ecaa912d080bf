/** A workspace's co-facilitators: listed for everyone; the secretariat adds and removes them (write permission is per workspace). */
import { useState, type FormEvent } from 'react'
import { addCofacilitator, listMembers, removeCofacilitator, type Author, type MemberRecord } from '../api/members.ts'
import { nameWithDelegation } from '../app/memberLine.ts'
import { NameAndDelegation } from '../app/NameAndDelegation.tsx'
import { useLoad } from '../app/useLoad.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { leadCandidates } from './memberLists.ts'
import '../styles/members.css'


/** `manage`: the server's answer whether the signed-in member may name and remove the workspace's co-facilitators. */
export function CofacilitatorsSection({ workspaceId, initial, manage }: { workspaceId: string; initial: Author[]; manage: boolean }) {
  const [cofacilitators, setCofacilitators] = useState<Author[]>(initial)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const change = async (action: () => Promise<{ cofacilitators: Author[] }>) => {
    setBusy(true)
    setError(null)
    try {
      setCofacilitators((await action()).cofacilitators)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="cofacilitators" aria-labelledby="cofacilitators-heading" data-testid="cofacilitators">
      <h2 id="cofacilitators-heading">{t('members.cofacilitatorsHeading')}</h2>
      {cofacilitators.length === 0 ? (
        <p className="hint">{manage ? t('members.noCofacilitatorYet') : t('members.noCofacilitatorYetSecretariatNames')}</p>
      ) : (
        <ul className="cofacilitator-list">
          {cofacilitators.map((lead) => (
            <li key={lead.id} className="cofacilitator">
              <NameAndDelegation person={lead} nameClass="cofacilitator-name" delegationClass="cofacilitator-delegation" />
              {manage && (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  aria-label={t('members.removeCofacilitatorNamed', { name: lead.name })}
                  onClick={() => change(() => removeCofacilitator(workspaceId, lead.id))}
                >
                  {t('members.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <>
          <p className="hint">{t('members.cofacilitatorsExplained')}</p>
          <AddCofacilitator cofacilitators={cofacilitators} busy={busy} onAdd={(memberId) => change(() => addCofacilitator(workspaceId, memberId))} />
        </>
      )}
      <FormError error={error} />
    </section>
  )
}

function AddCofacilitator({ cofacilitators, busy, onAdd }: { cofacilitators: Author[]; busy: boolean; onAdd: (memberId: number) => Promise<void> }) {
  const [members, reload] = useLoad(listMembers, [])
  const [chosen, setChosen] = useState('')
  const candidates = members.status === 'ready' ? leadCandidates(members.value, cofacilitators) : { cofacilitators: [], delegations: [] }
  const none = candidates.cofacilitators.length === 0 && candidates.delegations.length === 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) return
    await onAdd(Number(chosen))
    setChosen('')
  }

  if (members.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('members.membersNotLoaded', { reason: errorMessage(members.error) })}</p>
        <button type="button" onClick={reload}>
          {t('members.tryAgain')}
        </button>
      </div>
    )
  }
  return (
    <form className="cofacilitator-add" onSubmit={submit}>
      <label>
        {t('members.addCofacilitator')}
        <select value={chosen} onChange={(event) => setChosen(event.target.value)} disabled={members.status !== 'ready' || none}>
          <option value="">{members.status === 'loading' ? t('members.loadingMembers') : none ? t('members.noMemberToAdd') : t('members.chooseMember')}</option>
          <CandidateGroup label={t('members.cofacilitatorsHeading')} members={candidates.cofacilitators} />
          <CandidateGroup label={t('members.delegationsGroup')} members={candidates.delegations} />
        </select>
      </label>
      <button type="submit" disabled={busy || !chosen}>
        {t('members.add')}
      </button>
    </form>
  )
}

function CandidateGroup({ label, members }: { label: string; members: MemberRecord[] }) {
  if (members.length === 0) return null
  return (
    <optgroup label={label}>
      {members.map((member) => (
        <option key={member.id} value={member.id}>
          {nameWithDelegation(member)}
        </option>
      ))}
    </optgroup>
  )
}
