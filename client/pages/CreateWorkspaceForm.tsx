/** The secretariat's form to set up a workspace for a DTG in a cycle year. */
import { useState, type FormEvent } from 'react'
import { createWorkspace } from '../api/workspaces.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from './FormError.tsx'

export function CreateWorkspaceForm({ onCreated }: { onCreated: () => void }) {
  const [dtg, setDtg] = useState('1')
  const [year, setYear] = useState(String(new Date().getFullYear()))
  const [title, setTitle] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await createWorkspace({ dtg: dtg === '2' ? 2 : 1, year: Number(year), title: title.trim() })
      setTitle('')
      onCreated()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="panel-form" onSubmit={submit} aria-labelledby="new-workspace-heading">
      <h2 id="new-workspace-heading">{t('pages.newWorkspace')}</h2>
      <div className="field-row">
        <label>
          {t('pages.fieldDtg')}
          <select value={dtg} onChange={(event) => setDtg(event.target.value)}>
            <option value="1">{t('pages.dtg1Option')}</option>
            <option value="2">{t('pages.dtg2Option')}</option>
          </select>
        </label>
        <label>
          {t('pages.fieldYear')}
          <input type="number" min={2025} max={2035} value={year} onChange={(event) => setYear(event.target.value)} required />
        </label>
      </div>
      <label>
        {t('pages.fieldTitle')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={200} />
      </label>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('pages.createWorkspace')}
      </button>
    </form>
  )
}
