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
function notReadyReason({ problems, problemCount, negotiation }: DocumentStatus): string {
  const { brackets, alternatives } = negotiation
  const otherWarnings = problems.filter((problem) => problem.severity === 'warning' && problem.code !== 'text_bracketed' && problem.code !== 'alternatives_open').length
  const errors = Math.max(problems.filter((problem) => problem.severity === 'error').length, problemCount - brackets - alternatives - otherWarnings)
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
