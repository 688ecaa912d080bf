/** The export form: the current text or a revision as DOCX, Markdown, text or HTML, for submission or as a marked working copy. */
import { useState, type FormEvent } from 'react'
import { exportUrl, listRevisions, type ExportFormat } from '../api/revisions.ts'
import { useLoad } from '../app/useLoad.ts'
import { ExportFormatChoice } from './ExportFormatChoice.tsx'
import type { ExportMenuProps } from './ExportMenu.tsx'
import { ExportOutcome } from './ExportOutcome.tsx'
import { ExportSourceSelect } from './ExportSourceSelect.tsx'
import { exportFileName, versionLabel } from './revisionText.ts'
import { useDownload } from './useDownload.ts'
import { WorkingCopyChoice } from './WorkingCopyChoice.tsx'
import { t } from '../i18n/i18n.ts'

export function ExportForm({ document, permissions, revisionId, onReveal, currentStatus = null }: ExportMenuProps) {
  const [loaded] = useLoad(() => listRevisions(document.id), [document.id])
  const [format, setFormat] = useState<ExportFormat>('docx')
  const [source, setSource] = useState<string>(revisionId === undefined ? 'current' : String(revisionId))
  // What the member ticked, once they have; until then the box follows what the chosen text allows.
  const [chosen, setWorking] = useState<boolean | null>(null)
  // The current text the server finds invalid or still bracketed would be refused for submission: a working copy is offered first.
  const notReady = source === 'current' && currentStatus !== null && !currentStatus.submittable ? currentStatus : null
  const working = !permissions.exportForSubmission || (chosen ?? notReady !== null)
  const [state, download, reset] = useDownload()
  const revisions = loaded.status === 'ready' ? loaded.value : []

  const start = (asWorkingCopy: boolean) => {
    const revision = source === 'current' ? undefined : Number(source)
    const label = revision === undefined ? undefined : versionLabel(revision, revisions)
    const url = exportUrl(document.id, { format, revision, working: asWorkingCopy })
    return download(url, exportFileName(document.symbol ?? document.title, format, { versionLabel: label, working: asWorkingCopy }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void start(working)
  }
  /** Any change of choice clears the outcome of the last download. */
  const choose =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      reset()
    }

  return (
    <form className="export-form" onSubmit={submit}>
      <ExportFormatChoice format={format} onChange={choose(setFormat)} />
      <ExportSourceSelect source={source} revisionId={revisionId} loaded={loaded} onChange={choose(setSource)} />
      <WorkingCopyChoice working={working} mustBeWorkingCopy={!permissions.exportForSubmission} notReady={notReady} onChange={choose(setWorking)} />
      <div className="modal-actions">
        <button type="submit" disabled={state.status === 'busy'}>
          {state.status === 'busy' ? t('revisions.preparing') : t('revisions.download')}
        </button>
      </div>
      <ExportOutcome
        state={state}
        onReveal={source === 'current' ? onReveal : undefined}
        onWorkingCopy={() => {
          setWorking(true)
          void start(true)
        }}
      />
    </form>
  )
}
