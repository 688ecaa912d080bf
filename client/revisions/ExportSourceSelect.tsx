/** The export form's choice of text: the current text or one of the document's revisions, newest first. */
import { errorMessage } from '../api/errorMessage.ts'
import type { RevisionSummary } from '../api/revisions.ts'
import type { Loaded } from '../app/useLoad.ts'
import { t } from '../i18n/i18n.ts'
import { formatWhen } from './revisionText.ts'

export interface ExportSourceSelectProps {
  /** 'current' or a revision's id. */
  source: string
  /** The revision the form opened on, offered while the list loads. */
  revisionId: number | undefined
  loaded: Loaded<RevisionSummary[]>
  onChange: (source: string) => void
}

export function ExportSourceSelect({ source, revisionId, loaded, onChange }: ExportSourceSelectProps) {
  const revisions = loaded.status === 'ready' ? loaded.value : []
  return (
    <>
      <label>
        {t('revisions.exportSource')}
        <select name="source" value={source} onChange={(event) => onChange(event.target.value)}>
          <option value="current">{t('revisions.currentText')}</option>
          {revisionId !== undefined && loaded.status !== 'ready' && <option value={String(revisionId)}>{t('revisions.revisionNumber', { id: revisionId })}</option>}
          {[...revisions].reverse().map((revision) => (
            <option key={revision.id} value={String(revision.id)}>
              {t('revisions.labelAndDate', { label: revision.label, when: formatWhen(revision.createdAt) })}
            </option>
          ))}
        </select>
      </label>
      {loaded.status === 'failed' && <p className="hint">{t('revisions.listFailed', { reason: errorMessage(loaded.error) })}</p>}
    </>
  )
}
