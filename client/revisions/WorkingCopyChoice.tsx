/**
 * The export form's "Working copy" box: forced on for members who may not export for submission, with why; and when the
 * text chosen could not go for submission as it stands, what stands in the way.
 */
import { useId } from 'react'
import type { DocumentStatus } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'

/** Why the current text would be refused for submission: its problems first, then what remains to be negotiated. */
function notReadyReason({ valid, problemCount, negotiation }: DocumentStatus): string {
  if (!valid) return t('revisions.notReadyProblems', { count: problemCount })
  const { brackets, alternatives } = negotiation
  if (brackets > 0 && alternatives > 0) return t('revisions.notReadyBracketsAndAlternatives', { brackets, alternatives })
  if (brackets > 0) return t('revisions.notReadyBrackets', { count: brackets })
  return t('revisions.notReadyAlternatives', { count: alternatives })
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
