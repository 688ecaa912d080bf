/** What came of an export: the file downloaded, the failure, or the draft's problems with the offer of a working copy. */
import { DraftInvalidNotice } from './DraftProblems.tsx'
import type { DownloadState } from './useDownload.ts'

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
        Downloaded <strong>{state.fileName}</strong>.
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <p>The export failed: {state.message}</p>
      </div>
    )
  }
  if (state.status !== 'invalid') return null
  return (
    <DraftInvalidNotice what="This text cannot be exported for submission." problems={state.problems} onReveal={onReveal}>
      <p>You can still export it as a working copy, marked "Draft - not for submission" on every page.</p>
      <button type="button" onClick={onWorkingCopy}>
        Download as working copy
      </button>
    </DraftInvalidNotice>
  )
}
