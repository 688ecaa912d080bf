/** What came of an export: the file downloaded, the failure, or the draft's problems with the offer of a working copy. */
import { DraftInvalidNotice } from './DraftProblems.tsx'
import type { DownloadState } from './useDownload.ts'
import { t, tx } from '../i18n/i18n.ts'

export interface ExportOutcomeProps {
  state: DownloadState
  /** Leads a problem to its recommendation in the editor (the current text only). */
  onReveal?: (recommendationId: string) => void
  onWorkingCopy: () => void
}

export function ExportOutcome({ state, onReveal, onWorkingCopy }: ExportOutcomeProps) {
  if (state.status === 'done') {
    return (
      <p className="notice export-done" role="status">
        {tx('revisions.downloaded', {
          file: (
            <strong key="file" translate="no" dir="auto">
              {state.fileName}
            </strong>
          ),
        })}
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('revisions.exportFailed', { reason: state.message })}</p>
      </div>
    )
  }
  if (state.status !== 'invalid') return null
  return (
    <DraftInvalidNotice what={t('revisions.cannotExportForSubmission')} problems={state.problems} onReveal={onReveal}>
      <p>{t('revisions.canExportWorkingCopy')}</p>
      <button type="button" onClick={onWorkingCopy}>
        {t('revisions.downloadWorkingCopy')}
      </button>
    </DraftInvalidNotice>
  )
}
