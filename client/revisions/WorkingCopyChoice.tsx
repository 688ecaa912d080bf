/**
 * The export form's "Working copy" box: forced on for members who may not export for submission, with why; and when the
 * text chosen could not go for submission as it stands, what stands in the way.
 */
import { useId } from 'react'
import type { DocumentStatus } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'

/**
 * Why the current text would be refused for submission: the problems to fix (errors; the status counts bracketed
 * passages and blocks of alternatives among its problems too, as warnings), then what remains to be negotiated.
 */
function notReadyReason({ valid, problems, problemCount, omittedProblems, negotiation }: DocumentStatus): string {
  const { brackets, alternatives } = negotiation
  const listedErrors = problems.filter((problem) => problem.severity === 'error').length
  // Exact when every problem is listed; otherwise at least those listed, at most all but the negotiation warnings.
  const errors = !valid ? (omittedProblems === 0 ? listedErrors : Math.max(listedErrors, problemCount - brackets - alternatives)) : 0
  const parts: string[] = []
  if (errors > 0) parts.push(t('revisions.notReadyProblems', { count: errors }))
  if (brackets > 0) parts.push(t('revisions.notReadyBrackets', { count: brackets }))
  if (alternatives > 0) parts.push(t('revisions.notReadyAlternatives', { count: alternatives }))
  return parts.join(t('revisions.notReadySeparator'))
}

export function WorkingCopyChoice({
  working,
  mustBeWorkingCopy,
  notReady = null,
  onChange,
}: {
  working: boolean
  mustBeWorkingCopy: boolean
  /** The server's verdict on the chosen text, when it could not be exported for submission as it stands. */
  notReady?: DocumentStatus | null
  onChange: (working: boolean) => void
}) {
  const hintId = useId()
  return (
    <>
      <label className="choice">
        <input
          type="checkbox"
          name="working"
          checked={working || mustBeWorkingCopy}
          disabled={mustBeWorkingCopy}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('revisions.workingCopy')}
      </label>
      <p className="hint" id={hintId}>
        {mustBeWorkingCopy ? t('revisions.workingCopyForced') : t('revisions.workingCopyHint')}
      </p>
      {!mustBeWorkingCopy && notReady && (
        <p className="hint export-not-ready" data-testid="export-not-ready">
          {t('revisions.notReadyForSubmission', { reason: notReadyReason(notReady) })}
        </p>
      )}
    </>
  )
}
